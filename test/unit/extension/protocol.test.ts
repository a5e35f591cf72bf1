import assert from 'node:assert/strict';
import { isHostMessage, isPanelUiState, parseWebviewMessage, windowFromChoice, type WindowChoice } from '../../../src/shared/protocol';

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

  it('opens only https links (plain http only on this machine), without credentials in them', () => {
    assert.equal(parseWebviewMessage({ type: 'openExternal', url: 'http://github.com/o/r/pull/1' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'openExternal', url: 'https://user:pw@github.com/o/r/pull/1' }), undefined);
    assert.ok(parseWebviewMessage({ type: 'openExternal', url: 'https://github.com/o/r/pull/1' }));
    assert.ok(parseWebviewMessage({ type: 'openExternal', url: 'http://127.0.0.1:8080/browse/ABC-1' }));
  });

  it('asks for a commit diff only by a hex commit id', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openCommit', hash: '1a2b3c4d5e' }), { type: 'openCommit', hash: '1a2b3c4d5e' });
    for (const hash of ['--output=x', 'HEAD~1', '1a2b3c', 'a'.repeat(41), 42]) assert.equal(parseWebviewMessage({ type: 'openCommit', hash }), undefined, String(hash));
  });

  it('accepts a window of preset length ending at an instant (up to the last commit)', () => {
    const w = { kind: 'upTo', days: 90, until: '2026-08-22T13:05:10.000Z' };
    assert.deepEqual(parseWebviewMessage({ type: 'setWindow', window: w }), { type: 'setWindow', window: w });
    assert.equal(parseWebviewMessage({ type: 'setWindow', window: { ...w, days: 45 } }), undefined);
    assert.equal(parseWebviewMessage({ type: 'setWindow', window: { ...w, until: '2026-08-22' } }), undefined);
    assert.deepEqual(windowFromChoice(w as WindowChoice, 0), { since: Date.parse('2026-08-22T13:05:10Z') / 1000 - 90 * 86_400, until: Date.parse('2026-08-22T13:05:10Z') / 1000 });
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
