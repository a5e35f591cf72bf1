import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { loadDataset } from '../../../src/core/pipeline';
import type { Dataset } from '../../../src/core/model/dataset';
import { buildSprintReview } from '../../../src/core/sprintReview/buildSprintReview';
import { listReviewPeriods } from '../../../src/core/sprintReview/reviewPeriods';
import { renderReviewHtml } from '../../../src/core/sprintReview/renderReviewHtml';
import { renderReviewMarkdown } from '../../../src/core/sprintReview/renderReviewMarkdown';
import { at, EVIL_SUMMARY, startSprintScenario, type SprintScenario } from '../../kit/fakeSprintScenario';
import { tempDir } from '../../kit/gitFixture';

const NOW = at('2026-10-01');

/** Pipes that end a Markdown table cell (not escaped with a backslash). */
const cellPipes = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length;

describe('sprint review: periods, data quality and rendering (dataset loaded from the fakes)', () => {
  let s: SprintScenario;
  let cache: string;
  let dataset: Dataset;
  before(async () => {
    s = await startSprintScenario();
    cache = tempDir('ekpi-review-r-');
    dataset = await loadDataset({
      repoPath: s.repo.dir, cacheRoot: cache, options: DEFAULT_OPTIONS,
      github: { apiUrl: s.github.url, token: async () => s.github.token },
      jira: { url: s.jira.url, project: 'AR', boardId: 1, token: async () => 'secret-token' },
    });
  });
  after(async () => {
    await s.stop();
    rmSync(cache, { recursive: true, force: true });
  });

  it('lists the active sprint first, then closed sprints newest first', () => {
    const choices = listReviewPeriods(dataset, NOW);
    assert.deepEqual(choices.map((c) => [c.id, c.kind]), [['4', 'sprint'], ['3', 'sprint'], ['2', 'sprint'], ['1', 'sprint']]);
    assert.equal(choices[0]!.until, NOW, 'the active sprint runs to now');
  });

  it('without sprints it offers the last 14 days, the last full ISO two-week period and a custom range', () => {
    const choices = listReviewPeriods({ ...dataset, sprints: undefined }, NOW); // Thursday 2026-10-01
    assert.deepEqual(choices.map((c) => c.id), ['last14', 'isoFortnight', 'custom']);
    assert.deepEqual([choices[0]!.since, choices[0]!.until], [at('2026-09-17'), NOW]);
    // Current ISO week starts Monday 09-28: the two full weeks before it are W38 and W39.
    assert.deepEqual([choices[1]!.since, choices[1]!.until], [at('2026-09-14'), at('2026-09-28')]);
    assert.equal(choices[1]!.description, '2026-W38 + 2026-W39');
    assert.equal(choices[2]!.since, undefined);
  });

  it('the active sprint is reviewed so far: S4 from 09-28 to now, compared with S3 and S2', () => {
    const r = buildSprintReview(dataset, { sprintId: 4 }, DEFAULT_OPTIONS, NOW);
    assert.deepEqual([r.period.state, r.period.until], ['active', '2026-10-01T00:00:00Z']);
    assert.deepEqual(r.comparedWith.map((p) => p.id), ['3', '2']);
    // AR-6 (2 points) moved in at S3's close, i.e. S4's start: committed, not done.
    assert.equal(r.delivery.figures.committedPoints.value, 2);
    assert.deepEqual(r.delivery.carryOver.map((i) => i.key), ['AR-6']);
    assert.equal(r.delivery.figures.throughput.value, 1); // PR 7
  });

  it('data quality says when GitHub is rate-limited and how old the PR data is', () => {
    const limited: Dataset = { ...dataset, sources: { ...dataset.sources, github: { status: 'rate-limited', asOf: '2026-09-30T10:42:00Z', until: '2026-10-01T01:00:00Z' } } };
    const r = buildSprintReview(limited, { sprintId: 3 }, DEFAULT_OPTIONS, NOW);
    assert.equal(r.dataQuality[0], 'GitHub rate-limited, PR data as of 2026-09-30 10:42 UTC; the budget returns at 2026-10-01 01:00 UTC');
  });

  it('Markdown: a Jira summary with Markdown and HTML stays inside its cell and injects nothing', () => {
    const md = renderReviewMarkdown(buildSprintReview(dataset, { sprintId: 3 }, DEFAULT_OPTIONS, NOW));
    assert.match(md, /^# Sprint review: Sprint 3$/m);
    for (const h of ['## Delivery', '## Flow', '## Quality', '## Escalations', '## Time to market', '## Data quality']) assert.ok(md.includes(`\n${h}\n`), h);
    const line = md.split('\n').find((l) => l.includes('AR\\-8') || l.includes('[AR-8]'));
    assert.ok(line, md);
    assert.equal(cellPipes(line), 5, `4 cells: ${line}`);
    assert.ok(!/(?<!\\)<img/.test(md) && !/(?<!\\)<script/.test(md), 'no raw HTML tag');
    assert.ok(!/(?<!\\)\]\(javascript:/.test(md), 'no javascript: link');
    assert.ok(!/(?<!\\)\*\*x/.test(md), 'no bold from the summary');
    assert.ok(md.includes('| Committed points | 18 | 13 | 13 | ▲ |'), md);
    assert.ok(md.includes('[\\#6](https://github.example/o/r/pull/6)'), 'outliers are linked');
  });

  it('HTML: one standalone file, strict CSP with a nonce, only the expected scripts, no injected elements', () => {
    const review = buildSprintReview(dataset, { sprintId: 3 }, DEFAULT_OPTIONS, NOW);
    const html = renderReviewHtml(review, { nonce: 'TESTNONCE' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-TESTNONCE'; script-src 'nonce-TESTNONCE'">/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!.trim());
    assert.deepEqual(scripts, ['type="application/json" id="review-data"', 'nonce="TESTNONCE"', 'nonce="TESTNONCE"']);
    assert.equal((html.match(/<img\b/gi) ?? []).length, 0);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the summary is shown as text');
    const markup = html.slice(0, html.indexOf('<script type="application/json"'));
    assert.ok(!/<[^>]*\son\w+=/i.test(markup), 'no event-handler attribute on any element');
    assert.ok(html.includes('Chart.defaults') || html.includes('new Chart('), 'Chart.js and the chart script are inlined');
    assert.ok(!html.includes('src="http') && !html.includes("src='http"), 'nothing loaded from the network');
    // The JSON block holds no "<" at all, so the summary's "</script>" cannot end it.
    const json = /<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.ok(!json.includes('<'));
    const back = JSON.parse(json) as typeof review;
    assert.equal(back.delivery.scopeAdded[0]!.title, EVIL_SUMMARY);
  });

  it('HTML without Chart.js says charts are unavailable instead of failing', () => {
    const html = renderReviewHtml(buildSprintReview(dataset, { sprintId: 3 }, DEFAULT_OPTIONS, NOW), { chartJs: null, nonce: 'N' });
    assert.ok(html.includes('Charts unavailable'));
    assert.equal([...html.matchAll(/<script\b/gi)].length, 1);
  });

  it('a hotspot file too small for a density (spec §4 v2) shows its defects and says why it has no density', () => {
    // S3's hotspots: one.ts (2 lines) and five.ts (1 line), one defect each; both under 50 lines.
    const review = buildSprintReview(dataset, { sprintId: 3 }, DEFAULT_OPTIONS, NOW);
    assert.deepEqual(review.quality.hotspots.map((h) => [h.path, h.defects, h.density]), [['src/app/one.ts', 1, null], ['src/lib/five.ts', 1, null]]);
    const md = renderReviewMarkdown(review);
    assert.match(md, /^\| src\/app\/one\.ts \| 1 \| — \(under 50 source lines\) \| \d+ \|$/m);
    const html = renderReviewHtml(review, { chartJs: null, nonce: 'N' });
    assert.match(html, /<td>src\/app\/one\.ts<\/td><td[^>]*>1<\/td><td[^>]*>— \(under 50 source lines\)<\/td>/);
  });
});
