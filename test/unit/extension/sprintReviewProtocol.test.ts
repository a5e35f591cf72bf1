import assert from 'node:assert/strict';
import { isHostMessage, isPanelUiState, isReviewMessage, isStateMessage, parseWebviewMessage } from '../../../src/shared/protocol';

/** The fields the webview checks before drawing; the rest of the review is not inspected. */
const reviewShape = () => ({
  schemaVersion: 1,
  kind: 'sprintReview',
  period: { kind: 'range', id: 'a/b', name: '2026-11-08 → 2026-11-22', since: '2026-11-08T00:00:00Z', until: '2026-11-22T00:00:00Z' },
  comparedWith: [],
  sources: { git: { status: 'ok' }, github: { status: 'off' }, jira: { status: 'off' } },
  delivery: { figures: {} },
  flow: { figures: {} },
  quality: { figures: {} },
  escalations: { figures: {} },
  timeToMarket: { figures: {} },
  trend: [],
  dataQuality: [],
  missing: [],
  charts: [],
  perPerson: null,
});

describe('webview protocol: sprint review messages', () => {
  it('accepts an export request in the three formats only', () => {
    for (const format of ['md', 'html', 'json']) assert.deepEqual(parseWebviewMessage({ type: 'exportReview', format }), { type: 'exportReview', format });
    for (const format of ['pdf', 'MD', '', undefined, 1, { toString: () => 'md' }]) assert.equal(parseWebviewMessage({ type: 'exportReview', format }), undefined, String(format));
  });

  it('drops extra fields from an export request (no path or content can ride along)', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'exportReview', format: 'html', path: '/etc/passwd', content: '<script>' }), { type: 'exportReview', format: 'html' });
  });

  it('lets the panel run the Sprint Review command, and nothing new besides', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'runCommand', command: 'engineeringKpis.sprintReview' }), { type: 'runCommand', command: 'engineeringKpis.sprintReview' });
    assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'engineeringKpis.exportSprintReview' }), undefined);
  });

  it('the webview accepts a review message with a review or with none yet', () => {
    assert.ok(isReviewMessage({ type: 'review', review: reviewShape(), reveal: true, advice: {} }));
    assert.ok(isReviewMessage({ type: 'review', review: null, reveal: false, advice: {} }));
    assert.ok(isHostMessage({ type: 'review', review: null, reveal: false, advice: {} }));
    assert.ok(!isStateMessage({ type: 'review', review: null, reveal: false, advice: {} }), 'a review message is not drawn as KPI state');
  });

  it('the webview rejects review messages of the wrong shape', () => {
    const bad: unknown[] = [
      { type: 'review', review: reviewShape() }, // no reveal
      { type: 'review', review: { ...reviewShape(), kind: 'report' }, reveal: true, advice: {} },
      { type: 'review', review: { ...reviewShape(), schemaVersion: 2 }, reveal: true, advice: {} },
      { type: 'review', review: { ...reviewShape(), flow: null }, reveal: true, advice: {} },
      { type: 'review', review: { ...reviewShape(), trend: {} }, reveal: true, advice: {} },
      { type: 'review', review: { ...reviewShape(), period: { name: 3 } }, reveal: true, advice: {} },
      { type: 'review', review: 'markdown', reveal: true, advice: {} },
    ];
    for (const m of bad) assert.ok(!isHostMessage(m), JSON.stringify(m).slice(0, 80));
  });

  it('keeps the selected tab in the UI state, and only known tabs', () => {
    const window = { kind: 'days', days: 90 };
    assert.ok(isPanelUiState({ window, tab: 'review' }));
    assert.ok(isPanelUiState({ window, tab: 'kpis', expanded: 'cycleTime' }));
    assert.ok(isPanelUiState({ window }), 'older saved state without a tab still restores');
    assert.ok(!isPanelUiState({ window, tab: 'settings' }));
  });
});
