import { FakeGitHub } from './fakeGitHub';
import { bot, issueNode, prNode, user } from './fakeGitHubData';
import { FakeJira, type FakeJiraOptions } from './fakeJira';
import { fakeIssue, history, sprintChange, sprintJson, transition, version, type FakeIssueSpec, type RawJson } from './fakeJiraData';
import { GitFixture } from './gitFixture';

/**
 * The sprint-review scenario: a real git repository, a fake GitHub and a fake Jira with three
 * closed two-week sprints and an active one. Every expected value in
 * test/unit/sprintReview/sprintReviewCli.test.ts is worked out by hand from these dates.
 *
 * Sprints (UTC): S1 08-17 → 08-31, S2 08-31 → 09-14, S3 09-14 → 09-28 (closed), S4 09-28 → (active).
 */
export const at = (s: string): number => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s) / 1000;

/** A summary that tries to break a Markdown table and inject HTML. */
export const EVIL_SUMMARY = '| **x** <img src=x onerror=alert(1)> [y](javascript:alert(2)) </script><script>alert(3)</script>';

export const MAIN_TS = 'export function main(): number {\n  return 1;\n}\n';

export interface SprintScenario {
  repo: GitFixture;
  github: FakeGitHub;
  jira: FakeJira;
  /** Commit hashes of the squash merges of PRs 1..7. */
  merges: Record<number, string>;
  stop(): Promise<void>;
}

function buildRepo(): { repo: GitFixture; merges: Record<number, string> } {
  const r = GitFixture.init();
  const merges: Record<number, string> = {};
  r.commit('initial', { 'src/app/main.ts': MAIN_TS, 'test/app.test.ts': "import '../src/app/main';\n" }, { date: '2026-08-01T00:00:00Z' });
  merges[1] = r.commit('Add one (#1)', { 'src/app/one.ts': 'export const one = 1;\n' }, { date: '2026-08-18T10:00:00Z' });
  r.commit('fix: crash in one', { 'src/app/one.ts': 'export const one = 1;\nexport const uno = 1;\n', 'test/one.test.ts': "import '../src/app/one';\n" }, { date: '2026-08-21T00:00:00Z' });
  r.tag('v1.0', { annotated: true, date: '2026-08-26T00:00:00Z' });
  merges[2] = r.commit('Add two (#2)', { 'src/app/two.ts': 'export const two = 2;\n' }, { date: '2026-09-01T20:00:00Z' });
  r.commit('fix: AR-12 null check', { 'src/app/one.ts': 'export const one = 1;\nexport const uno = 2;\n' }, { date: '2026-09-03T00:00:00Z' });
  merges[3] = r.commit('Add three (#3)', { 'src/app/three.ts': 'export const three = 3;\n' }, { date: '2026-09-03T06:00:00Z' });
  r.tag('v1.1', { annotated: true, date: '2026-09-10T00:00:00Z' });
  merges[4] = r.commit('Add four (#4)', { 'src/app/one.ts': 'export const one = 1;\nexport const uno = 3;\n' }, { date: '2026-09-15T12:00:00Z' });
  merges[5] = r.commit('Add five (#5)', { 'src/lib/five.ts': 'export const five = 5;\n' }, { date: '2026-09-17T02:00:00Z' });
  r.commit('fix: AR-8 rendering', { 'src/lib/five.ts': 'export const five = 55;\n' }, { date: '2026-09-18T00:00:00Z' });
  merges[6] = r.commit('Add six (#6)', { 'src/app/one.ts': 'export const one = 1;\nexport const uno = 4;\n' }, { date: '2026-09-20T12:00:00Z' });
  r.commit('fix: off by one', { 'src/app/one.ts': 'export const one = 1;\nexport const uno = 5;\n', 'test/one.test.ts': "import '../src/app/one';\n// 5\n" }, { date: '2026-09-21T00:00:00Z' });
  r.tag('v1.2', { annotated: true, date: '2026-09-24T00:00:00Z' });
  merges[7] = r.commit('Add seven (#7)', { 'src/app/seven.ts': 'export const seven = 7;\n' }, { date: '2026-09-29T00:00:00Z' });
  r.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
  return { repo: r, merges };
}

function prs(merges: Record<number, string>) {
  const bob = user('bob');
  return [
    prNode({ number: 1, createdAt: at('2026-08-18'), mergedAt: at('2026-08-18T10:00:00Z'), commits: [at('2026-08-18')], mergeSha: merges[1] }),
    prNode({ number: 2, createdAt: at('2026-09-01'), mergedAt: at('2026-09-01T20:00:00Z'), commits: [at('2026-09-01')], mergeSha: merges[2] }),
    prNode({ number: 3, createdAt: at('2026-09-02'), mergedAt: at('2026-09-03T06:00:00Z'), commits: [at('2026-09-02')], reviews: [{ author: bob, at: at('2026-09-02T10:00:00Z') }], mergeSha: merges[3] }),
    prNode({ number: 4, author: user('carol'), createdAt: at('2026-09-15T02:00:00Z'), mergedAt: at('2026-09-15T12:00:00Z'), commits: [at('2026-09-15')], reviews: [{ author: bob, at: at('2026-09-15T05:00:00Z') }], mergeSha: merges[4] }),
    prNode({ number: 5, createdAt: at('2026-09-16T04:00:00Z'), mergedAt: at('2026-09-17T02:00:00Z'), commits: [at('2026-09-16')], mergeSha: merges[5] }),
    prNode({ number: 6, createdAt: at('2026-09-18T02:00:00Z'), mergedAt: at('2026-09-20T12:00:00Z'), commits: [at('2026-09-18')], reviews: [{ author: bob, at: at('2026-09-19T18:00:00Z') }], mergeSha: merges[6] }),
    prNode({ number: 7, createdAt: at('2026-09-28T12:00:00Z'), mergedAt: at('2026-09-29'), commits: [at('2026-09-28T12:00:00Z')], mergeSha: merges[7] }),
    // A bot's PR in S3: never counted (spec Conventions).
    prNode({ number: 8, author: bot('dependabot[bot]'), createdAt: at('2026-09-16'), mergedAt: at('2026-09-16T01:00:00Z'), commits: [at('2026-09-16')] }),
  ];
}

const sp = (id: number, when: string, from: number[], to: number[]): RawJson => history(id, at(when), [sprintChange(from, to)]);
const mv = (id: number, when: string, from: string, to: string): RawJson => history(id, at(when), [transition(from, to)]);

function issue(spec: FakeIssueSpec, summary?: string): RawJson {
  const raw = fakeIssue({ updated: at('2026-09-29'), ...spec });
  if (summary) (raw.fields as RawJson).summary = summary;
  return raw;
}

function jiraIssues(): RawJson[] {
  return [
    issue({ id: 1, key: 'AR-1', created: at('2026-08-15'), status: 'Done', points: 5, sprintIds: [1], resolved: at('2026-08-20'), fixVersions: [version('1.0', '2026-08-26')],
      histories: [sp(1, '2026-08-16', [], [1]), mv(2, '2026-08-18', 'To Do', 'In Progress'), mv(3, '2026-08-20', 'In Progress', 'Done')] }),
    issue({ id: 2, key: 'AR-2', created: at('2026-08-15'), status: 'Done', points: 3, sprintIds: [1], resolved: at('2026-08-25'),
      histories: [sp(1, '2026-08-16', [], [1]), mv(2, '2026-08-20', 'To Do', 'In Progress'), mv(3, '2026-08-25', 'In Progress', 'Done')] }),
    issue({ id: 3, key: 'AR-3', created: at('2026-08-30'), status: 'Done', points: 5, sprintIds: [2], resolved: at('2026-09-05'), fixVersions: [version('1.1', '2026-09-10')],
      histories: [sp(1, '2026-08-30', [], [2]), mv(2, '2026-09-01', 'To Do', 'In Progress'), mv(3, '2026-09-05', 'In Progress', 'Done')] }),
    issue({ id: 4, key: 'AR-4', created: at('2026-08-28'), status: 'Done', points: 8, sprintIds: [2, 3], resolved: at('2026-09-20'), fixVersions: [version('1.2', '2026-09-24')],
      histories: [sp(1, '2026-08-30', [], [2]), mv(2, '2026-09-10', 'To Do', 'In Progress'), sp(3, '2026-09-14', [2], [2, 3]), mv(4, '2026-09-20', 'In Progress', 'Done')] }),
    issue({ id: 5, key: 'AR-5', created: at('2026-09-10'), status: 'Done', points: 3, sprintIds: [3], resolved: at('2026-09-22'), fixVersions: [version('1.2', '2026-09-24')],
      histories: [sp(1, '2026-09-12', [], [3]), mv(2, '2026-09-20', 'To Do', 'In Progress'), mv(3, '2026-09-22', 'In Progress', 'Done')] }),
    issue({ id: 6, key: 'AR-6', created: at('2026-09-10'), status: 'To Do', points: 2, sprintIds: [3, 4], histories: [sp(1, '2026-09-12', [], [3]), sp(2, '2026-09-28', [3], [3, 4])] }),
    issue({ id: 7, key: 'AR-7', created: at('2026-09-10'), status: 'Done', sprintIds: [3], resolved: at('2026-09-25'),
      histories: [sp(1, '2026-09-12', [], [3]), mv(2, '2026-09-24', 'To Do', 'In Progress'), mv(3, '2026-09-25', 'In Progress', 'Done')] }),
    issue({ id: 8, key: 'AR-8', type: 'Bug', created: at('2026-09-15'), status: 'Done', points: 1, sprintIds: [3], resolved: at('2026-09-18'),
      histories: [sp(1, '2026-09-16', [], [3]), mv(2, '2026-09-17', 'To Do', 'In Progress'), mv(3, '2026-09-18', 'In Progress', 'Done')] }, EVIL_SUMMARY),
    issue({ id: 9, key: 'AR-9', created: at('2026-09-10'), status: 'To Do', points: 5, sprintIds: [], histories: [sp(1, '2026-09-12', [], [3]), sp(2, '2026-09-17', [3], [])] }),
    issue({ id: 10, key: 'AR-10', type: 'Bug', created: at('2026-09-20'), status: 'To Do', labels: ['production'] }),
    issue({ id: 12, key: 'AR-12', type: 'Bug', created: at('2026-09-02'), status: 'Done', resolved: at('2026-09-03'), histories: [mv(1, '2026-09-03', 'To Do', 'Done')] }),
    issue({ id: 13, key: 'AR-13', type: 'Task', created: at('2026-09-15'), status: 'Done', labels: ['escalated'], resolved: at('2026-09-19'),
      histories: [history(1, at('2026-09-16'), [{ field: 'labels', fieldId: 'labels', fromString: '', toString: 'escalated' }]), mv(2, '2026-09-19', 'To Do', 'Done')] }),
    issue({ id: 14, key: 'AR-14', type: 'Task', created: at('2026-09-01'), status: 'To Do', priority: 'Highest',
      histories: [history(1, at('2026-09-20'), [{ field: 'priority', fieldId: 'priority', fromString: 'Medium', toString: 'Highest' }])] }),
    issue({ id: 15, key: 'AR-15', type: 'Task', created: at('2026-09-04'), status: 'Done', priority: 'Critical', resolved: at('2026-09-06T12:00:00Z'),
      histories: [history(1, at('2026-09-05T12:00:00Z'), [{ field: 'priority', fieldId: 'priority', fromString: 'Medium', toString: 'Critical' }]), mv(2, '2026-09-06T12:00:00Z', 'To Do', 'Done')] }),
  ];
}

/** The scenario's Jira (Server, project AR, board 1): three closed sprints, an active one and their issues. The e2e suite serves it too. */
export function sprintJiraOptions(token?: string): FakeJiraOptions {
  return {
    variant: 'server',
    ...(token ? { token } : {}),
    sprints: [
      sprintJson(1, 'closed', at('2026-08-17'), at('2026-08-31'), at('2026-08-31')),
      sprintJson(2, 'closed', at('2026-08-31'), at('2026-09-14'), at('2026-09-14')),
      sprintJson(3, 'closed', at('2026-09-14'), at('2026-09-28'), at('2026-09-28')),
      sprintJson(4, 'active', at('2026-09-28'), at('2026-10-12'), null),
    ],
    issues: jiraIssues(),
  };
}

export async function startSprintScenario(): Promise<SprintScenario> {
  const { repo, merges } = buildRepo();
  const github = new FakeGitHub({
    prs: prs(merges),
    // Used only without Jira (Jira > GitHub for issues): a bug reported 09-16 and closed 09-17.
    issues: [issueNode({ number: 20, createdAt: at('2026-09-16'), closedAt: at('2026-09-17'), labels: [{ name: 'bug', at: at('2026-09-16') }] })],
  });
  await github.start();
  const jira = await new FakeJira(sprintJiraOptions()).start();
  return {
    repo, github, jira, merges,
    stop: async () => {
      await github.stop();
      await jira.stop();
      repo.remove();
    },
  };
}

/** CLI flags for the scenario's sources. */
export function sourceFlags(s: SprintScenario, withJira: boolean): string[] {
  return ['--repo', s.repo.dir, '--github-api-url', s.github.url, ...(withJira ? ['--jira-url', s.jira.url, '--jira-project', 'AR', '--jira-board', '1'] : [])];
}

export function sourceEnv(s: SprintScenario): NodeJS.ProcessEnv {
  return { GITHUB_TOKEN: s.github.token, JIRA_PAT: 'secret-token' };
}
