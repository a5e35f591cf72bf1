import type { Commit } from '../../src/core/model/commit';
import type { Dataset } from '../../src/core/model/dataset';
import type { Issue, IssueChange, Sprint } from '../../src/core/model/issue';
import type { PullRequest } from '../../src/core/model/pullRequest';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { buildSprintReview } from '../../src/core/sprintReview/buildSprintReview';
import { renderReviewHtml } from '../../src/core/sprintReview/renderReviewHtml';
import { renderReviewJson } from '../../src/core/sprintReview/renderReviewJson';
import { renderReviewMarkdown } from '../../src/core/sprintReview/renderReviewMarkdown';

const DAY = 86_400;
const T0 = Date.UTC(2025, 0, 6) / 1000;
const SPRINTS = 26;

/** The dataset a warm cache yields for a 10,000-issue Jira project, 5,000 PRs and 6,000 commits. */
function dataset(): Dataset {
  const sprints: Sprint[] = Array.from({ length: SPRINTS }, (_, i) => ({
    id: i + 1, name: `Sprint ${i + 1}`, state: i === SPRINTS - 1 ? 'active' : 'closed', boardId: 1,
    startAt: T0 + i * 14 * DAY, endAt: T0 + (i + 1) * 14 * DAY, completeAt: i === SPRINTS - 1 ? null : T0 + (i + 1) * 14 * DAY,
  }));
  const issues: Issue[] = Array.from({ length: 10_000 }, (_, i) => {
    const sprint = (i % SPRINTS) + 1;
    const start = T0 + (sprint - 1) * 14 * DAY;
    const created = start - DAY;
    const done = i % 5 !== 0;
    const history: IssueChange[] = [
      { at: created + 3600, field: 'sprint', from: '', to: String(sprint), fromIds: [], toIds: [sprint] },
      { at: start + (i % 10) * DAY, field: 'status', from: 'To Do', to: 'In Progress', fromCategory: 'new', toCategory: 'indeterminate' },
      ...(done ? [{ at: start + ((i % 10) + 2) * DAY, field: 'status' as const, from: 'In Progress', to: 'Done', fromCategory: 'indeterminate' as const, toCategory: 'done' as const }] : []),
      ...(i % 37 === 0 ? [{ at: start + DAY, field: 'labels' as const, from: '', to: 'escalated' }] : []),
    ];
    return {
      source: 'jira', key: `AR-${i + 1}`, previousKeys: [], url: `https://jira.example/browse/AR-${i + 1}`, title: `Issue ${i + 1} | <b>x</b>`,
      project: 'AR', type: i % 9 === 0 ? 'Bug' : 'Story', labels: i % 37 === 0 ? ['escalated'] : [], status: done ? 'Done' : 'In Progress',
      statusCategory: done ? 'done' : 'indeterminate', priority: 'Medium', createdAt: created, updatedAt: created + 12 * DAY,
      resolvedAt: done ? start + ((i % 10) + 2) * DAY : null, storyPoints: i % 7 === 0 ? null : (i % 8) + 1,
      fixVersions: done ? [{ name: `v${sprint}`, released: true, releaseDate: start + 14 * DAY }] : [], affectsVersions: [],
      sprintIds: [sprint], links: [], parentKey: null, history,
    };
  });
  const commits: Commit[] = [];
  for (let i = 0; i < 6_000; i++) {
    const t = T0 + i * 3 * 3600;
    commits.push({
      hash: i.toString(16).padStart(40, '0'), parents: i === 0 ? [] : [(i - 1).toString(16).padStart(40, '0')],
      authorName: `dev${i % 9}`, authorEmail: `dev${i % 9}@example.com`, authorDate: t - 3600, committerDate: t,
      subject: i % 11 === 0 ? `fix: AR-${(i % 10_000) + 1} crash` : `Add feature ${i} (#${i})`,
      files: [{ path: `src/mod${i % 20}/file${i % 200}.ts`, status: 'M' }, ...(i % 22 === 0 ? [{ path: `test/file${i % 200}.test.ts`, status: 'M' }] : [])],
    });
  }
  commits.reverse();
  const pullRequests: PullRequest[] = Array.from({ length: 5_000 }, (_, i) => {
    const created = T0 + i * 3.5 * 3600;
    return {
      number: i + 1, title: `PR ${i + 1}`, url: `https://github.example/o/r/pull/${i + 1}`, author: `dev${i % 9}`, authorIsBot: false,
      state: 'merged', draft: false, createdAt: created, readyAt: created, mergedAt: created + ((i % 13) + 1) * 3600, closedAt: created + ((i % 13) + 1) * 3600,
      updatedAt: created + DAY, mergeCommitSha: (Math.min(5_999, i)).toString(16).padStart(40, '0'), baseRef: 'main', headRef: `f${i}`, labels: [],
      additions: 10, deletions: 1, commitAuthorDates: [created - 7200], firstReviewAt: i % 4 === 0 ? null : created + 1800, closesIssues: [],
    };
  });
  return {
    repo: { path: '/bench', defaultBranch: 'main', head: commits[0]!.hash, shallow: false, detached: false },
    commits, tip: commits[0]!.hash,
    tags: Array.from({ length: SPRINTS }, (_, i) => ({ name: `v1.${i}.0`, commit: (Math.min(5_999, i * 112)).toString(16).padStart(40, '0'), date: T0 + (i + 1) * 14 * DAY })),
    kloc: { files: Array.from({ length: 200 }, (_, i) => ({ path: `src/mod${i % 20}/file${i}.ts`, lines: 100 + i, kind: 'source' as const })), sourceLines: 40_000, testLines: 8_000, leftOut: [] },
    pullRequests, githubIssues: [], jiraIssues: issues, sprints,
    sources: { git: { status: 'ok' }, github: { status: 'ok' }, jira: { status: 'ok' } }, warnings: [],
  };
}

/** A sprint review of a 10,000-issue project with 5,000 PRs: build + Markdown + HTML + JSON, warm (data in memory). */
export async function benchSprintReview(): Promise<Array<{ name: string; value: string }>> {
  const ds = dataset();
  const now = T0 + SPRINTS * 14 * DAY;
  // A first run warms what a running extension has warm (history index, Chart.js read from disk).
  renderReviewHtml(buildSprintReview(ds, { sprintId: SPRINTS - 1 }, DEFAULT_OPTIONS, now));
  const runs: number[] = [];
  let sizes = '';
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const review = buildSprintReview(ds, { sprintId: SPRINTS - 1 }, DEFAULT_OPTIONS, now);
    const md = renderReviewMarkdown(review);
    const html = renderReviewHtml(review);
    const json = renderReviewJson(review);
    runs.push(performance.now() - t);
    sizes = `md ${(md.length / 1024).toFixed(0)} KiB, html ${(html.length / 1024).toFixed(0)} KiB, json ${(json.length / 1024).toFixed(0)} KiB`;
    if (review.delivery.figures.committedPoints.value == null) throw new Error('sprint review bench: no committed points');
  }
  const worst = Math.max(...runs);
  if (worst > 1000) throw new Error(`sprint review bench: ${worst.toFixed(0)} ms > 1 s budget`);
  return [
    { name: 'sprint review, 10,000 issues + 5,000 PRs, warm (build + md + html + json), worst of 5', value: `${worst.toFixed(0)} ms (budget 1000 ms)` },
    { name: 'sprint review output sizes', value: sizes },
  ];
}

if (require.main === module) {
  benchSprintReview().then((rows) => rows.forEach((r) => console.log(`${r.name}: ${r.value}`)));
}
