import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type { Figure, SprintReview } from '../../../src/core/sprintReview/reviewTypes';
import { startSprintScenario, sourceEnv, sourceFlags, type SprintScenario } from '../../kit/fakeSprintScenario';
import { tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';

/** value, previous, mean of last 3 (S3, S2, S1) and direction, as worked out in the comments. */
function fig(f: Figure, value: number | null, previous: number | null, mean: number | null, direction: Figure['direction']): void {
  assert.deepEqual([f.value, f.previous, f.meanLast3, f.direction], [value, previous, mean, direction]);
}

describe('sprint-review CLI against fake Jira (3 closed sprints + 1 active), fake GitHub and a real git fixture', () => {
  let s: SprintScenario;
  let cache: string;
  let review: SprintReview;
  before(async () => {
    s = await startSprintScenario();
    cache = tempDir('ekpi-review-');
    const run = await runCliInProcess(['sprint-review', '--sprint', '3', '--format', 'json', '--cache-dir', cache, ...sourceFlags(s, true)], { env: sourceEnv(s) });
    assert.equal(run.code, 0, run.stderr);
    review = JSON.parse(run.stdout) as SprintReview;
  });
  after(async () => {
    await s.stop();
    rmSync(cache, { recursive: true, force: true });
  });

  it('reviews Sprint 3 [09-14, 09-28) against Sprints 2 and 1', () => {
    assert.equal(review.kind, 'sprintReview');
    assert.deepEqual([review.period.name, review.period.since, review.period.until, review.period.state], ['Sprint 3', '2026-09-14T00:00:00Z', '2026-09-28T00:00:00Z', 'closed']);
    assert.deepEqual(review.comparedWith.map((p) => p.name), ['Sprint 2', 'Sprint 1']);
    assert.equal(review.sources.jira.status, 'ok');
    assert.equal(review.sources.github.status, 'ok');
  });

  it('delivery: committed/completed rebuilt from the Sprint changelog, carry-over, scope changes, unestimated, throughput', () => {
    const d = review.delivery.figures;
    assert.equal(review.delivery.pointsBasis, 'changelog');
    // S3 at start: AR-4 8 (carried from S2), AR-5 3, AR-6 2, AR-9 5 = 18 (AR-7 unestimated); S2 AR-3 5 + AR-4 8 = 13; S1 5 + 3 = 8.
    fig(d.committedPoints, 18, 13, 13, 'up');
    // Done in S3 at its end: AR-4 8, AR-5 3, AR-8 1 = 12; S2 AR-3 5; S1 8. Mean 25/3.
    fig(d.completedPoints, 12, 5, 8.3333, 'up');
    // 12/18, 5/13, 8/8 → mean of (0.6667, 0.3846, 1).
    fig(d.sayDoRatio, 0.6667, 0.3846, 0.6838, 'up');
    fig(d.carryOverIssues, 1, 1, 0.6667, 'same'); // AR-6 in S3, AR-4 in S2
    fig(d.carryOverPoints, 2, 8, 3.3333, 'down');
    fig(d.scopeAddedIssues, 1, 0, 0.3333, 'up'); // AR-8 joined 09-16
    fig(d.scopeAddedPoints, 1, 0, 0.3333, 'up');
    fig(d.scopeRemovedIssues, 1, 0, 0.3333, 'up'); // AR-9 left 09-17
    fig(d.scopeRemovedPoints, 5, 0, 1.6667, 'up');
    fig(d.unestimatedIssues, 1, 0, 0.3333, 'up'); // AR-7
    fig(d.throughput, 3, 2, 2, 'up'); // PRs 4, 5, 6 (the bot's PR 8 is not counted)
    assert.deepEqual(review.delivery.carryOver.map((i) => [i.key, i.points]), [['AR-6', 2]]);
    assert.deepEqual(review.delivery.scopeAdded.map((i) => [i.key, i.points]), [['AR-8', 1]]);
    assert.deepEqual(review.delivery.scopeRemoved.map((i) => [i.key, i.points]), [['AR-9', 5]]);
    assert.deepEqual(review.delivery.unestimated.map((i) => [i.key, i.points]), [['AR-7', null]]);
  });

  it('flow: cycle time median/p85 and phases, outliers over the previous sprints\' p85 with their slowest phase, issue cycle time', () => {
    const f = review.flow.figures;
    // S3 cycles 12, 26, 60 h; S2 20, 30; S1 10.
    fig(f.cycleTimeMedian, 26, 25, 20.3333, 'up');
    fig(f.cycleTimeP85, 49.8, 28.5, 29.4333, 'up'); // 26 + 0.7·34; 20 + 0.85·10; 10
    fig(f.codingMedian, 2, 0, 0.6667, 'up'); // 2, 4, 2 | 0, 0 | 0
    fig(f.pickupMedian, 21.5, 10, 15.75, 'up'); // 3, 40 | 10 | none (S1 unreviewed)
    fig(f.reviewMedian, 12.5, 20, 16.25, 'down'); // 7, 18 | 20 | none
    // v1.2 09-24: 204, 166, 84 | v1.1: 196, 162 | v1.0: 182 in v1, but v1.0 is the first release tag:
    // by v2's "the first release starts the clock" that PR has no deploy phase → mean of 2 periods.
    fig(f.deployMedian, 166, 179, 172.5, 'down');
    assert.equal(f.deployMedian.meanOver, 2);
    assert.equal(review.trend[0]!.values.deployMedian, null);
    assert.equal(f.pickupMedian.meanOver, 2);
    // Threshold: p85 of S2+S1 cycles (10, 20, 30) = 27 h; PR 6 (60 h) is over it, PR 5 (26 h) is not.
    assert.equal(review.flow.outlierThresholdHours, 27);
    fig(f.outliers, 1, 2, 1.5, 'down'); // S2 against S1's 10 h: both; S1 has no earlier sprint
    assert.deepEqual(review.flow.outliers.map((o) => [o.id, o.cycleHours, o.slowestPhase, o.url]), [['#6', 60, 'pickup', 'https://github.example/o/r/pull/6']]);
    assert.deepEqual(review.flow.outliers[0]!.phaseHours, { coding: 2, pickup: 40, review: 18, deploy: 84 });
    // Jira In Progress → Done: S3 240, 48, 24, 24 → 36; S2 96; S1 48, 120 → 84.
    fig(f.issueCycleTimeMedian, 36, 96, 72, 'down');
  });

  it('quality: defects created/fixed/escaped, removal efficiency, regression-test rate, hotspot files changed', () => {
    const q = review.quality.figures;
    assert.equal(review.quality.defectSource, 'jira');
    fig(q.defectsCreated, 2, 1, 1, 'up'); // AR-8, AR-10 | AR-12 | none
    fig(q.defectsFixed, 1, 1, 0.6667, 'same'); // AR-8 | AR-12
    fig(q.defectsEscaped, 1, 0, 0.3333, 'up'); // AR-10 labelled production
    fig(q.defectRemovalEfficiency, 0.5, 1, 0.75, 'down'); // S1 has no defects: left out of the mean
    assert.equal(q.defectRemovalEfficiency.meanOver, 2);
    fig(q.regressionTestRate, 0.5, 0, 0.5, 'up'); // 1 of 2 fixes with a test | 0 of 1 | 1 of 1
    fig(q.hotspotFilesChanged, 2, 1, 1, 'up');
    // AR-8's fix touched five.ts (1 line), AR-12's one.ts (2 lines). Spec §4 v2: no density under
    // 50 source lines (v1 said 1000 and 500 defects/KLOC); one defect each, so the tie goes by path.
    assert.deepEqual(review.quality.hotspots, [
      { path: 'src/app/one.ts', defects: 1, density: null, commitsInPeriod: 3 },
      { path: 'src/lib/five.ts', defects: 1, density: null, commitsInPeriod: 2 },
    ]);
  });

  it('escalations: opened, resolved, still open at the end, time to resolve', () => {
    const e = review.escalations.figures;
    fig(e.opened, 2, 1, 1, 'up'); // AR-13 label 09-16, AR-14 priority 09-20 | AR-15 priority 09-05
    fig(e.resolved, 1, 1, 0.6667, 'same');
    fig(e.stillOpen, 1, 0, 0.3333, 'up'); // AR-14
    fig(e.timeToResolveMedian, 72, 24, 48, 'up');
    assert.deepEqual(review.escalations.items.map((i) => [i.key, i.rule, i.hoursToResolve]), [['AR-13', 'label', 72], ['AR-14', 'priority', null]]);
  });

  it('time to market: stories released in the sprint with their lead times', () => {
    const t = review.timeToMarket.figures;
    assert.equal(review.timeToMarket.source, 'jira');
    fig(t.releasedItems, 2, 1, 1.3333, 'up');
    fig(t.leadTimeMedian, 20.5, 11, 14.1667, 'up'); // AR-4 27 d, AR-5 14 d | AR-3 11 | AR-1 11
    assert.deepEqual(review.timeToMarket.released.map((r) => [r.id, r.leadTimeDays]), [['AR-4', 27], ['AR-5', 14]]);
    // What shipped, for people: the released Jira issues with their titles and links.
    assert.deepEqual(review.timeToMarket.shipped.map((i) => [i.kind, i.id, i.url]), [['issue', 'AR-4', `${s.jira.url}/browse/AR-4`], ['issue', 'AR-5', `${s.jira.url}/browse/AR-5`]]);
    assert.equal(review.timeToMarket.shippedMore, 0);
  });

  it('data quality names the unestimated issue; team only by default; a trend for charts', () => {
    assert.deepEqual(review.dataQuality, ['1 issue unestimated in Sprint 3: counted in neither committed nor completed points']);
    assert.equal(review.perPerson, null);
    assert.deepEqual(review.trend.map((t) => [t.name, t.values.completedPoints]), [['Sprint 1', 8], ['Sprint 2', 5], ['Sprint 3', 12]]);
  });

  it('--per-person adds per-author rows only when asked', async () => {
    const run = await runCliInProcess(['sprint-review', '--sprint', '3', '--format', 'json', '--per-person', '--cache-dir', cache, ...sourceFlags(s, true)], { env: sourceEnv(s) });
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as SprintReview;
    assert.deepEqual(r.perPerson, [{ person: 'alice', mergedChanges: 2, cycleTimeMedianHours: 43 }, { person: 'carol', mergedChanges: 1, cycleTimeMedianHours: 12 }]);
  });

  it('without Jira, --since/--until gives the same flow numbers and sprint-only figures null with a reason', async () => {
    const run = await runCliInProcess(['sprint-review', '--since', '2026-09-14', '--until', '2026-09-28', '--format', 'json', '--cache-dir', cache, ...sourceFlags(s, false)], { env: sourceEnv(s) });
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as SprintReview;
    assert.equal(r.period.kind, 'range');
    assert.deepEqual(r.comparedWith.map((p) => [p.since, p.until]), [['2026-08-31T00:00:00Z', '2026-09-14T00:00:00Z'], ['2026-08-17T00:00:00Z', '2026-08-31T00:00:00Z']]);
    for (const k of ['committedPoints', 'completedPoints', 'sayDoRatio', 'carryOverIssues', 'scopeAddedIssues', 'scopeRemovedIssues', 'unestimatedIssues'] as const) {
      assert.equal(r.delivery.figures[k].value, null, k);
      assert.equal(r.delivery.figures[k].reason, 'needs Jira sprints: set the Jira URL and board', k);
    }
    fig(r.delivery.figures.throughput, 3, 2, 2, 'up');
    fig(r.flow.figures.cycleTimeMedian, 26, 25, 20.3333, 'up');
    assert.equal(r.flow.figures.issueCycleTimeMedian.reason, 'needs Jira');
    // GitHub issues stand in for Jira: bug #20 opened 09-16, closed 09-17.
    assert.equal(r.quality.defectSource, 'github');
    fig(r.quality.figures.defectsCreated, 1, 0, 0.3333, 'up');
    fig(r.quality.figures.defectRemovalEfficiency, 1, null, 1, null);
    assert.equal(r.quality.figures.defectRemovalEfficiency.meanOver, 1);
    // Git lead time: the 5 commits first released in v1.2 (09-24): 8.5, 6.9167, 6, 3.5, 3 days;
    // v1.1 first released 3 commits. v1.0 is the first release tag: by v2's "the first release starts
    // the clock" its 3 commits (initial, #1, the fix) have no lead time and are not released items
    // (v1 counted them: mean 11/3) → mean (5 + 3 + 0) / 3.
    assert.equal(r.timeToMarket.source, 'git');
    fig(r.timeToMarket.figures.releasedItems, 5, 3, 2.6667, 'up');
    assert.equal(r.timeToMarket.figures.leadTimeMedian.value, 6);
    // What shipped in v1.2 (09-24): squashes #4, #5, #6 with GitHub's titles and links, and the two
    // fixes pushed straight to main (no PR); the 5 released commits are the lead time's items.
    assert.deepEqual(r.timeToMarket.shipped.map((i) => [i.kind, i.id, i.title, i.url ?? null, i.release]), [
      ['pr', '#4', 'PR 4', 'https://github.example/o/r/pull/4', 'v1.2'],
      ['pr', '#5', 'PR 5', 'https://github.example/o/r/pull/5', 'v1.2'],
      ['pr', '#6', 'PR 6', 'https://github.example/o/r/pull/6', 'v1.2'],
      ...[s.repo.git(['rev-parse', ':/fix: AR-8']).trim(), s.repo.git(['rev-parse', ':/fix: off by one']).trim()]
        .map((h) => h.slice(0, 10)).sort().map((id) => ['change', id, id === s.repo.git(['rev-parse', ':/fix: AR-8']).trim().slice(0, 10) ? 'fix: AR-8 rendering' : 'fix: off by one', null, 'v1.2']),
    ]);
    assert.equal(r.timeToMarket.shippedMore, 0);
    // Without Jira: one entry for the source, naming what it would add; no per-figure data-quality lines.
    assert.deepEqual(r.missing, [{
      source: 'jira', status: 'off', figures: [
        { section: 'Delivery', whole: false, labels: ['committed points', 'completed points', 'say/do ratio', 'carry-over issues', 'carry-over points', 'scope added after start (issues)', 'scope added after start (points)', 'scope removed (issues)', 'scope removed (points)', 'unestimated issues'] },
        { section: 'Flow', whole: false, labels: ['issue cycle time median'] },
      ],
    }]);
    assert.ok(!r.dataQuality.some((n) => /Jira|needs Jira/.test(n)), r.dataQuality.join('\n'));
  });

  it('without Jira, the Markdown says once what Jira would add and how to add it with the CLI, and lists no sprint rows', async () => {
    const run = await runCliInProcess(['sprint-review', '--since', '2026-09-14', '--until', '2026-09-28', '--cache-dir', cache, ...sourceFlags(s, false)], { env: sourceEnv(s) });
    assert.equal(run.code, 0, run.stderr);
    const md = run.stdout;
    const lines = md.split('\n');
    const jira = lines.filter((l) => l.includes('Jira') && !l.startsWith('Sources:'));
    assert.deepEqual(jira, ['- Without Jira (off): Delivery: committed points, completed points, say/do ratio, carry-over issues, carry-over points, scope added after start (issues), scope added after start (points), scope removed (issues), scope removed (points), unestimated issues; Flow: issue cycle time median — add --jira-url, --jira-project and --jira-board, with JIRA\\_PAT (Server) or JIRA\\_EMAIL and JIRA\\_API\\_TOKEN (Cloud) in the environment']);
    assert.ok(!md.includes('Committed points'), 'no sprint row in the Delivery table');
    assert.ok(md.includes('| Throughput (merged changes) | 3 | 2 | 2 | ▲ |'), md);
    // --until 2026-09-28 is the exclusive end: the last day reviewed is 09-27, and the page says so.
    assert.match(md, /^# Sprint review: 2026-09-14 → 2026-09-27$/m);
    assert.match(md, /^Date range 2026-09-14 → 2026-09-27 \(UTC, both days included\) · compared with 2026-08-31 → 2026-09-13, 2026-08-17 → 2026-08-30$/m);
    // What shipped, linked, under Time to market.
    assert.match(md, /^\| \[\\#4\]\(https:\/\/github\.example\/o\/r\/pull\/4\) \| PR 4 \| v1\.2 \| 2026-09-24 00:00 UTC \|$/m);
  });

  it('without Jira and without dates it reviews the last 14 days', async () => {
    const run = await runCliInProcess(['sprint-review', '--format', 'json', '--cache-dir', cache, ...sourceFlags(s, false)], { env: sourceEnv(s) });
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as SprintReview;
    assert.deepEqual([r.period.since, r.period.until], ['2026-09-17T00:00:00Z', '2026-10-01T00:00:00Z']);
  });

  it('rejects an unknown sprint and a bad format as usage errors (exit 2)', async () => {
    const bad = await runCliInProcess(['sprint-review', '--sprint', '99', '--cache-dir', cache, ...sourceFlags(s, true)], { env: sourceEnv(s) });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no sprint 99 on the board/);
    const fmt = await runCliInProcess(['sprint-review', '--format', 'csv', '--repo', s.repo.dir], { env: {} });
    assert.equal(fmt.code, 2);
  });
});
