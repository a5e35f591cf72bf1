import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../kit/gitFixture';

// The layering of issue 11 lives in .dependency-cruiser.cjs; this runs it the way `npm run
// lint:layers` does, so a failure prints dependency-cruiser's own lines: the rule, the import, why.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DEPCRUISE, ...args, '--config', CONFIG, '--output-type', 'err-long'], { cwd, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

describe('import layering (sources → model → metrics → report → hosts; .dependency-cruiser.cjs)', function () {
  this.timeout(120_000);

  it('no import in src, bench or test runs back up the layering or closes a loop between two folders', async () => {
    const run = await cruise(ROOT, ['src', 'bench', 'test']);
    assert.equal(run.code, 0, `dependency-cruiser found imports against the layering:\n${run.out}`);
  });

  it('an import back up, a folder loop, hosts importing each other, a bench import from test/unit and a file outside every layer each fail, naming the import and the rule', async () => {
    const dir = tempDir('ekpi-layers-');
    writeTree(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler' } }),
      'src/core/model/commit.ts': "import type { Kpi } from '../metrics/kpi';\nexport type Commit = { kpi?: Kpi };\n",
      'src/core/metrics/kpi.ts': 'export type Kpi = number;\n',
      'src/core/util/a/one.ts': "import { two } from '../b/two';\nexport const one = two;\n",
      'src/core/util/b/two.ts': "import { three } from '../a/three';\nexport const two = three;\n",
      'src/core/util/a/three.ts': 'export const three = 3;\n',
      'src/extension/host.ts': "import { page } from '../webview/page';\nexport const host = page;\n",
      'src/webview/page.ts': 'export const page = 1;\n',
      'bench/suites/fake.ts': "import { helper } from '../../test/unit/helper';\nexport const fake = helper;\n",
      'test/unit/helper.ts': 'export const helper = 1;\n',
      // A source reaching for the pipeline's types at src/core's root runs back up; options.ts sits with the model.
      'src/core/sources/jira/sync.ts': "import type { Input } from '../../pipelineTypes';\nexport type Sync = Input;\n",
      'src/core/pipelineTypes.ts': 'export type Input = number;\n',
      'src/core/model/usesOptions.ts': "import type { Options } from '../options';\nexport type Uses = Options;\n",
      'src/core/options.ts': 'export type Options = number;\n',
      'src/stray/lost.ts': "import { page } from '../webview/page';\nexport const lost = page;\n",
    });
    const run = await cruise(dir, ['src', 'bench', 'test']);
    assert.notEqual(run.code, 0, run.out);
    assert.match(run.out, /error layer-model: src\/core\/model\/commit\.ts → src\/core\/metrics\/kpi\.ts/);
    assert.match(run.out, /imports only run down/);
    assert.match(run.out, /error no-folder-cycle: src\/core\/util\/a →\s+src\/core\/util\/b →\s+src\/core\/util\/a/);
    assert.match(run.out, /error hosts-apart-extension: src\/extension\/host\.ts → src\/webview\/page\.ts/);
    assert.match(run.out, /error bench-uses-test-kit: bench\/suites\/fake\.ts → test\/unit\/helper\.ts/);
    assert.match(run.out, /error layer-sources: src\/core\/sources\/jira\/sync\.ts → src\/core\/pipelineTypes\.ts/);
    assert.match(run.out, /error layer-unknown: src\/stray\/lost\.ts → src\/webview\/page\.ts/);
    assert.doesNotMatch(run.out, /usesOptions/);
  });
});
