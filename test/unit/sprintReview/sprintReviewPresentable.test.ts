import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import * as vm from 'node:vm';
import type { Dataset } from '../../../src/core/model/dataset';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { loadDataset } from '../../../src/core/pipeline';
import { buildSprintReview } from '../../../src/core/sprintReview/buildSprintReview';
import { REVIEW_CHART_SCRIPT } from '../../../src/core/sprintReview/reviewChartScript';
import { renderReviewHtml } from '../../../src/core/sprintReview/renderReviewHtml';
import { renderReviewMarkdown } from '../../../src/core/sprintReview/renderReviewMarkdown';
import type { ReviewChart, SprintReview } from '../../../src/core/sprintReview/reviewTypes';
import { reviewAdvice } from '../../../src/extension/common/sourceWording';
import { GitFixture, tempDir } from '../../kit/gitFixture';

const at = (s: string): number => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s) / 1000;
const NOW = at('2026-10-01');
/** The reviewed period, as the editor's custom range 2026-09-14 … 2026-09-27 (inclusive) selects it. */
const PERIOD = { since: at('2026-09-14'), until: at('2026-09-28') };
const FILES = Array.from({ length: 12 }, (_, i) => `src/mod${String(i + 1).padStart(2, '0')}.ts`);

/**
 * A merge-commit repository without GitHub or Jira (as the 99k-commit Ruby project of issue 13):
 * merges "Merge pull request #N from org/…" whose branch tips say what the work was; 12 source
 * files each fixed once in the period (12 hotspots); releases v0.9 (the first: starts the clock)
 * and v1.0 (09-25).
 */
function buildRepo(): { repo: GitFixture; fixes: string[] } {
  const r = GitFixture.init();
  r.commit('initial', Object.fromEntries(FILES.map((f) => [f, 'export const v = 0;\n'])), { date: '2026-08-01T00:00:00Z' });
  const feature = (n: number, branch: string, subject: string, first: string, merged: string): void => {
    r.checkout(branch, true);
    r.commit(subject, { [`src/${branch}.ts`]: `export const n = ${n};\n` }, { date: first });
    r.checkout('main');
    r.merge(branch, `Merge pull request #${n} from org/${branch}`, { date: merged });
  };
  // The three periods before: one 24 h change each in [08-17, 08-31) and [08-31, 09-14) → threshold 24 h.
  feature(1, 'alpha', 'Add the alpha report', '2026-08-20T00:00:00Z', '2026-08-21T00:00:00Z');
  r.tag('v0.9', { annotated: true, date: '2026-08-25T00:00:00Z' });
  feature(2, 'beta', 'Add the beta export', '2026-09-01T00:00:00Z', '2026-09-02T00:00:00Z');
  // The period: #3 took 144 h (6 days, an outlier), #4 12 h.
  feature(3, 'search', 'Speed up the search', '2026-09-14T00:00:00Z', '2026-09-20T00:00:00Z');
  feature(4, 'typo', 'Reword the login page', '2026-09-21T00:00:00Z', '2026-09-21T12:00:00Z');
  const fixes = FILES.map((f, i) => r.commit(`fix: crash in ${f}`, { [f]: `export const v = ${i + 1};\n` }, { date: `2026-09-22T${String(i).padStart(2, '0')}:00:00Z` }));
  r.tag('v1.0', { annotated: true, date: '2026-09-25T00:00:00Z' });
  return { repo: r, fixes };
}

describe('sprint review a lead presents unchanged (issue 13), from a real merge-commit repository without GitHub or Jira', () => {
  let repo: GitFixture;
  let cache: string;
  let dataset: Dataset;
  let review: SprintReview;
  let md: string;
  before(async () => {
    ({ repo } = buildRepo());
    cache = tempDir('ekpi-review-p-');
    dataset = await loadDataset({ repoPath: repo.dir, cacheRoot: cache, options: DEFAULT_OPTIONS });
    review = buildSprintReview(dataset, PERIOD, DEFAULT_OPTIONS, NOW);
    md = renderReviewMarkdown(review, { advice: reviewAdvice(review.sources) });
  });
  after(() => {
    repo.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  it('shows the days the user chose: [09-14, 09-28) is "2026-09-14 → 2026-09-27", both days included', () => {
    assert.deepEqual([review.period.name, review.period.firstDay, review.period.lastDay], ['2026-09-14 → 2026-09-27', '2026-09-14', '2026-09-27']);
    assert.equal(review.period.until, '2026-09-28T00:00:00Z', 'the window itself stays half-open');
    assert.match(md, /^# Sprint review: 2026-09-14 → 2026-09-27$/m);
    assert.match(md, /^Date range 2026-09-14 → 2026-09-27 \(UTC, both days included\) · compared with 2026-08-31 → 2026-09-13, 2026-08-17 → 2026-08-30$/m);
    assert.ok(!md.includes('2026-09-28'), 'the exclusive end is never shown');
  });

  it('without Jira and GitHub: one line per missing source with the editor\'s command, and no row that only says "needs …"', () => {
    assert.deepEqual(review.missing.map((m) => [m.source, m.status, m.figures.map((f) => `${f.section}${f.whole ? ' (all)' : `: ${f.labels.length}`}`)]), [
      ['jira', 'off', ['Delivery: 10', 'Flow: 1', 'Quality: 3', 'Escalations (all)']],
      ['github', 'off', ['Flow: 3', 'Quality: 3', 'Escalations (all)']],
    ]);
    const lines = md.split('\n').filter((l) => l.startsWith('- Without '));
    assert.equal(lines.length, 2, md);
    assert.ok(lines[0]!.startsWith('- Without Jira (off): Delivery: committed points,') && lines[0]!.endsWith('Escalations: the whole section — run Configure Jira'), lines[0]);
    assert.ok(lines[1]!.startsWith('- Without GitHub (off): Flow: coding (median), pickup (median), review (median);') && lines[1]!.endsWith(' — run Configure GitHub'), lines[1]);
    assert.ok(!/needs (Jira|GitHub)/.test(md), 'no figure row or data-quality line repeats the missing source');
    assert.ok(!md.includes('## Escalations'), 'a section that only a missing source could fill is left out');
    assert.ok(!md.includes('JIRA_PAT') && !md.includes('--jira'), 'the editor\'s words, not the CLI\'s');
    const html = renderReviewHtml(review, { nonce: 'N', chartJs: null, advice: reviewAdvice(review.sources) });
    assert.equal((html.match(/<ul class="missing"><li>Without Jira \(off\): [^<]* — run Configure Jira<\/li><li>Without GitHub \(off\): [^<]* — run Configure GitHub<\/li><\/ul>/g) ?? []).length, 1, 'the HTML says the same, once');
    assert.ok(md.endsWith('## Data quality\n\nNo other gaps: every figure shown was computed from up-to-date sources.\n'), 'never "no gaps" while sources are missing');
  });

  it('the hotspot table lists the top 10 and counts the rest', () => {
    assert.equal(review.quality.figures.hotspotFilesChanged.value, 12);
    assert.deepEqual(review.quality.hotspots.map((h) => h.path), FILES.slice(0, 10));
    assert.equal(review.quality.hotspotsMore, 2);
    const table = md.split('\n').filter((l) => /^\| src\/mod\d+\.ts \|/.test(l));
    assert.equal(table.length, 10);
    assert.match(md, /\| src\/mod10\.ts \| 1 \|[^\n]*\n\nand 2 more files\n/);
  });

  it('outliers name the merged branch\'s work, not "Merge pull request #3 from …", and a 144 h cycle reads in days', () => {
    assert.equal(review.flow.outlierThresholdHours, 24);
    assert.deepEqual(review.flow.outliers.map((o) => [o.title, o.cycleHours, o.url ?? null]), [['Speed up the search', 144, null]]);
    assert.equal(review.flow.outliersNote, undefined);
    const row = md.split('\n').find((l) => l.includes('Speed up the search'));
    assert.ok(row?.includes('| 6 d |'), row);
    assert.ok(!md.includes('Merge pull request'), md);
  });

  it('an outlier list with nothing over the threshold says so', () => {
    const earlier = buildSprintReview(dataset, { since: at('2026-08-31'), until: at('2026-09-14') }, DEFAULT_OPTIONS, NOW);
    assert.deepEqual(earlier.flow.outliers, []);
    assert.equal(earlier.flow.outliersNote, 'none of the 1 merged changes of the period took longer than 24 h');
    assert.match(renderReviewMarkdown(earlier), /^\*\*Outliers\*\* \(cycle time over 24 h, the previous periods' p85\)\n\nnone of the 1 merged changes of the period took longer than 24 h$/m);
  });

  it('"Items released" is backed by what shipped, with titles: the changes v1.0 released, merges by their branch\'s work', () => {
    assert.equal(review.timeToMarket.figures.releasedItems.value, 15, 'the lead time counts commits: 3 branch commits + 12 fixes');
    const shipped = review.timeToMarket.shipped.map((s) => [s.kind, s.id.startsWith('#') ? s.id : 'hash', s.title, s.release]);
    assert.deepEqual(shipped.slice(0, 3), [['pr', '#2', 'Add the beta export', 'v1.0'], ['pr', '#3', 'Speed up the search', 'v1.0'], ['pr', '#4', 'Reword the login page', 'v1.0']]);
    assert.equal(shipped.length, 15);
    assert.deepEqual(shipped.slice(3).map((s) => s[2]).sort(), FILES.map((f) => `fix: crash in ${f}`).sort());
    assert.match(md, /^\*\*Shipped this period\*\*$/m);
    assert.match(md, /^\| \\#3 \| Speed up the search \| v1\.0 \| 2026-09-25 00:00 UTC \|$/m);
  });

  it('charts start at 0, and an empty chart says why instead of drawing an empty grid', () => {
    const quiet = buildSprintReview(dataset, { since: at('2026-06-01'), until: at('2026-06-15') }, DEFAULT_OPTIONS, NOW);
    const byId = (r: SprintReview) => Object.fromEntries(r.charts.map((c) => [c.id, c.empty]));
    assert.deepEqual(Object.keys(byId(quiet)), ['review-delivery', 'review-cycle', 'review-phases']);
    for (const [id, why] of Object.entries(byId(quiet))) assert.ok(why && why.length > 20, `${id}: ${why}`);
    assert.match(byId(quiet)['review-phases']!, /^No phase could be measured in this period: no commits in period; the last commit is 2026-09-22[^;]*\.$/);
    const phases = review.charts.find((c) => c.id === 'review-phases')!;
    assert.equal(phases.empty, null, 'deploy has a value this period');
    assert.equal(byId(review)['review-cycle'], null);
    const html = renderReviewHtml(quiet, { nonce: 'N' });
    assert.equal((html.match(/<canvas\b/g) ?? []).length, 0, 'no canvas for an empty chart');
    for (const c of quiet.charts) assert.ok(html.includes(`data-chart="${c.id}"`) && html.includes(c.empty!.replace(/'/g, '&#39;')), c.id);
    // Run the exported page's chart script against a recording Chart: only charts with data, every value axis from 0.
    const drawn = runChartScript(review);
    assert.deepEqual(drawn.map((d) => d.id), review.charts.filter((c) => !c.empty).map((c) => c.id));
    for (const d of drawn) assert.equal(d.axis.beginAtZero, true, d.id);
    assert.ok(drawn.find((d) => d.id === 'review-phases')?.horizontal, 'the phase chart is horizontal: its value axis is x');
  });
});

describe('sprint review outliers when git shows no cycle time (squash commits committed as they were authored)', () => {
  let repo: GitFixture;
  let cache: string;
  after(() => {
    repo.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  it('a previous p85 under 3 minutes sets no threshold, and the review says why instead of calling every change slow', async () => {
    repo = GitFixture.init();
    repo.commit('initial', { 'src/a.ts': 'export const a = 0;\n' }, { date: '2026-08-01T00:00:00Z' });
    // One squash a week before the period, each authored a minute before it was committed.
    for (const [n, day] of [[1, '2026-08-20'], [2, '2026-08-27'], [3, '2026-09-03'], [4, '2026-09-10']] as const) {
      repo.commit(`Change ${n} (#${n})`, { 'src/a.ts': `export const a = ${n};\n` }, { authorDate: `${day}T10:00:00Z`, date: `${day}T10:01:00Z` });
    }
    repo.commit('Slow change (#5)', { 'src/a.ts': 'export const a = 5;\n' }, { authorDate: '2026-09-15T00:00:00Z', date: '2026-09-16T00:00:00Z' });
    cache = tempDir('ekpi-review-o-');
    const ds = await loadDataset({ repoPath: repo.dir, cacheRoot: cache, options: DEFAULT_OPTIONS });
    const r = buildSprintReview(ds, PERIOD, DEFAULT_OPTIONS, NOW);
    assert.equal(r.flow.figures.cycleTimeMedian.value, 24);
    assert.equal(r.flow.outlierThresholdHours, null);
    assert.deepEqual(r.flow.outliers, []);
    assert.match(r.flow.outliersNote ?? '', /p85 cycle time is under 3 minutes/);
    assert.match(renderReviewMarkdown(r), /^\*\*Outliers:\*\* the previous 3 period\(s\)' p85 cycle time is under 3 minutes/m);
  });
});

/** The page's script in a sandbox: document.getElementById and a Chart that records its configs. */
function runChartScript(r: SprintReview): Array<{ id: string; axis: { beginAtZero?: boolean }; horizontal: boolean }> {
  const drawn: Array<{ id: string; axis: { beginAtZero?: boolean }; horizontal: boolean }> = [];
  const canvases = new Map(r.charts.map((c: ReviewChart) => [c.id, { id: c.id }]));
  canvases.set('review-data' as ReviewChart['id'], { id: 'review-data', textContent: JSON.stringify(r) } as never);
  function Chart(canvas: { id: string }, cfg: { options: { indexAxis: string; scales: Record<string, { beginAtZero?: boolean }> } }): void {
    const horizontal = cfg.options.indexAxis === 'y';
    drawn.push({ id: canvas.id, axis: cfg.options.scales[horizontal ? 'x' : 'y'] ?? {}, horizontal });
  }
  Chart.defaults = {} as Record<string, unknown>;
  vm.runInNewContext(REVIEW_CHART_SCRIPT, { document: { getElementById: (id: string) => canvases.get(id as ReviewChart['id']) ?? null }, Chart });
  return drawn;
}
