import assert from 'node:assert/strict';
import { isHostMessage, isPanelUiState, parseWebviewMessage, windowFromChoice } from '../../../src/shared/protocol';

describe('webview protocol validation', () => {
  it('accepts the messages the panel sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'setWindow', window: { kind: 'days', days: 30 } }), { type: 'setWindow', window: { kind: 'days', days: 30 } });
    assert.deepEqual(parseWebviewMessage({ type: 'openFile', path: 'src/app/main.ts' }), { type: 'openFile', path: 'src/app/main.ts' });
    assert.deepEqual(parseWebviewMessage({ type: 'runCommand', command: 'engineeringKpis.configureJira' }), { type: 'runCommand', command: 'engineeringKpis.configureJira' });
  });

  it('keeps a render timing only when it is a real, non-negative number', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', withData: true, documentMs: 412 }), { type: 'rendered', withData: true, documentMs: 412 });
    for (const documentMs of [-1, 'x', Infinity, null]) assert.deepEqual(parseWebviewMessage({ type: 'rendered', withData: true, documentMs }), { type: 'rendered', withData: true });
  });

  it('drops unknown types and non-objects', () => {
    for (const raw of [null, 'ready', 42, [], { type: 'eval', code: '1' }, { kind: 'ready' }]) assert.equal(parseWebviewMessage(raw), undefined);
  });

  it('refuses links that are not http(s)', () => {
    assert.equal(parseWebviewMessage({ type: 'openExternal', url: 'command:workbench.action.terminal.new' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'openExternal', url: 'javascript:alert(1)' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'openExternal', url: 'file:///etc/passwd' }), undefined);
    assert.ok(parseWebviewMessage({ type: 'openExternal', url: 'https://jira.example.com/browse/ABC-1' }));
  });

  it('refuses paths that leave the repository', () => {
    for (const path of ['../secret', 'a/../../b', '/etc/passwd', 'C:\\x', '', 'a\0b']) assert.equal(parseWebviewMessage({ type: 'openFile', path }), undefined, path);
  });

  it('runs only commands from the allow list', () => {
    assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.sendSequence' }), undefined);
  });

  it('validates windows: preset lengths only, custom dates in order', () => {
    assert.equal(parseWebviewMessage({ type: 'setWindow', window: { kind: 'days', days: 45 } }), undefined);
    assert.equal(parseWebviewMessage({ type: 'setWindow', window: { kind: 'custom', since: '2026-05-01', until: '2026-04-01' } }), undefined);
    assert.equal(parseWebviewMessage({ type: 'setWindow', window: { kind: 'custom', since: '2026-5-1', until: '2026-06-01' } }), undefined);
    assert.ok(parseWebviewMessage({ type: 'setWindow', window: { kind: 'custom', since: '2026-04-01', until: '2026-05-01' } }));
  });

  it('turns a window choice into a half-open range in seconds', () => {
    const now = 1_800_000_000;
    assert.deepEqual(windowFromChoice({ kind: 'days', days: 30 }, now), { since: now - 30 * 86_400, until: now });
    // custom: from the start of `since` to the end of `until` (inclusive day) in UTC
    assert.deepEqual(windowFromChoice({ kind: 'custom', since: '2026-01-01', until: '2026-01-31' }, now), {
      since: Date.UTC(2026, 0, 1) / 1000,
      until: Date.UTC(2026, 1, 1) / 1000,
    });
  });

  it('checks host messages and saved UI state on the webview side', () => {
    assert.ok(isHostMessage({ type: 'state', repoName: 'r', status: { kind: 'ready' }, window: { kind: 'days', days: 90 } }));
    assert.ok(!isHostMessage({ type: 'state', repoName: 'r', status: { kind: 'ready' } }));
    assert.ok(isPanelUiState({ window: { kind: 'days', days: 180 }, expanded: 'velocity' }));
    assert.ok(!isPanelUiState({ window: { kind: 'days', days: 180 }, report: {} , expanded: 3 }));
  });
});
