import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMANDS, MANAGE_TRUST } from '../../../src/shared/commandIds';
import { PANEL_COMMANDS } from '../../../src/shared/protocol';

const root = join(__dirname, '../../..');
interface Manifest {
  activationEvents: string[];
  contributes: { commands: Array<{ command: string }>; menus: { commandPalette?: Array<{ command: string; when?: string }> } };
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const ids = Object.values(COMMANDS) as string[];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('command ids, written once', () => {
  it('package.json contributes exactly the commands the host registers', () => {
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), [...ids].sort());
  });

  it('every command the palette shows activates the extension, and no activation event names an unknown command', () => {
    const hidden = new Set((pkg.contributes.menus.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    const onCommand = pkg.activationEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
    assert.deepEqual([...onCommand].sort(), ids.filter((id) => !hidden.has(id)).sort());
  });

  it('the panel may only ask for registered commands (and the workbench trust dialog)', () => {
    for (const c of PANEL_COMMANDS) assert.ok(ids.includes(c) || c === MANAGE_TRUST, c);
  });

  it('no host or webview file spells a command id of its own', () => {
    // A literal of our prefix that is a command id belongs in shared/commandIds.ts (settings keys,
    // view and context ids share the prefix and are not commands).
    const files = [...sources(join(root, 'src/extension')), ...sources(join(root, 'src/webview')), ...sources(join(root, 'src/shared')).filter((f) => !f.endsWith('commandIds.ts'))];
    const spelled = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'((?:engineeringKpis|workbench\.trust)\.[A-Za-z.]+)'/g)].filter((m) => ids.includes(m[1]!) || m[1] === MANAGE_TRUST).map((m) => `${relative(root, f)}: ${m[1]}`));
    assert.deepEqual(spelled, []);
  });
});

describe('settings, read and written in one place', () => {
  it('only src/extension/settings/ touches the editor configuration', () => {
    const outside = sources(join(root, 'src/extension')).filter((f) => !f.includes('/settings/') && /getConfiguration\(|\.inspect\(|ConfigurationTarget/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(outside.map((f) => relative(root, f)), []);
  });
});
