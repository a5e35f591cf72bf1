import assert from 'node:assert/strict';
import type { SourceFault } from '../../../src/core/model/dataset';
import { DEFAULT_RETRY } from '../../../src/core/sources/jira/retryPolicy';
import { syncJira } from '../../../src/core/sources/jira/syncJira';
import { adviceText, forEditor, githubSignInFailure, jiraAdvice, sourceBadges, sourcesLine } from '../../../src/extension/common/sourceWording';
import { presentStatus } from '../../../src/extension/statusBar/statusPresentation';
import { FakeJira } from '../../kit/fakeJira';
import { configFor, tempDir } from '../jira/jiraTestKit';
import { reportWith } from './reportFixture';

const ALL_KINDS: SourceFault['kind'][] = [
  'no-credentials', 'auth', 'forbidden', 'not-found', 'no-project', 'no-board', 'host-not-found', 'refused',
  'timeout', 'tls', 'network', 'rate-limited', 'server', 'malformed', 'limit', 'offline-empty', 'other',
];
/** The CLI's remedies: environment variables and flags. */
const CLI_WORDS = /JIRA_|GITHUB_TOKEN|--jira|--github/;

describe('the editor words source faults with its own commands', () => {
  let fake: FakeJira | undefined;
  afterEach(async () => fake?.stop());

  it('no advice for any Jira fault names a CLI variable or flag', () => {
    for (const kind of ALL_KINDS) {
      const text = adviceText(jiraAdvice({ kind, host: 'jira.example.com', boardId: 42, project: 'ABC', endpoint: '/rest/api/2/field', httpStatus: 500 }));
      assert.doesNotMatch(text, CLI_WORDS, kind);
      assert.ok(text.length > 10, `${kind}: "${text}"`);
    }
  });

  it('says the issue\'s three causes as a user needs them', () => {
    assert.equal(adviceText(jiraAdvice({ kind: 'auth', httpStatus: 401 })), '401: the token was rejected — run Configure Jira');
    assert.equal(adviceText(jiraAdvice({ kind: 'host-not-found', host: 'jira.example.com', code: 'ENOTFOUND' })), 'host not found: jira.example.com — check the Jira URL (Configure Jira) or your network');
    assert.equal(adviceText(jiraAdvice({ kind: 'no-board', boardId: 42, project: 'ABC' })), 'no board 42 in project ABC — pick a board with Configure Jira');
    assert.equal(jiraAdvice({ kind: 'refused', host: '127.0.0.1:9' }).action?.command, 'engineeringKpis.configureJira');
    assert.equal(jiraAdvice({ kind: 'timeout', host: 'jira.example.com' }).action?.command, 'engineeringKpis.refresh');
  });

  it('a real 401 from the fake Jira: the sync\'s CLI message becomes the editor\'s, in the header line and the status bar tooltip', async () => {
    fake = await new FakeJira({ variant: 'server' }).start();
    const core = await syncJira(configFor(fake, { token: async () => 'wrong' }), await tempDir(), { retry: { ...DEFAULT_RETRY, maxRetries: 0 } });
    assert.match(core.status.message ?? '', /JIRA_PAT/);
    const editor = forEditor('jira', core.status);
    assert.equal(editor.message, '401: the token was rejected — run Configure Jira');
    assert.equal(editor.fault?.kind, 'auth');

    const badges = sourceBadges({ git: { status: 'ok' }, github: { status: 'off' }, jira: editor });
    assert.equal(sourcesLine(badges), 'git ok · GitHub off · Jira error: 401: the token was rejected — run Configure Jira');
    assert.deepEqual(badges.map((b) => b.action?.command), [undefined, undefined, 'engineeringKpis.configureJira']);

    const p = presentStatus({ kind: 'ready' }, reportWith({ cycleTime: { value: 30, unit: 'hours', source: 'git', previous: 60 } }), 'cycleTime', badges);
    assert.equal(p.text, '$(clock) 30h ▼50% $(warning)');
    assert.equal(p.tone, 'warning');
    assert.match(p.tooltip, /\*\*Sources:\*\* git ok · GitHub off · Jira error: 401: the token was rejected — run Configure Jira/);
    assert.match(p.label, /, Jira error$/);
    assert.doesNotMatch(p.tooltip, CLI_WORDS);
  });

  it('GitHub enabled without a sign-in is "off: not signed in" with Configure GitHub; a 401 names the sign-in, not GITHUB_TOKEN', () => {
    const off = forEditor('github', { status: 'off', message: 'GitHub: off (set GITHUB_TOKEN)', fault: { kind: 'no-credentials' } });
    const [, gh] = sourceBadges({ git: { status: 'ok' }, github: off, jira: { status: 'off' } });
    assert.equal(gh!.text, 'GitHub off: not signed in');
    assert.equal(gh!.action?.command, 'engineeringKpis.configureGitHub');
    const rejected = forEditor('github', { status: 'error', message: 'GitHub token rejected (401): set GITHUB_TOKEN to a valid token', fault: { kind: 'auth', httpStatus: 401 } });
    assert.equal(rejected.message, '401: the sign-in was rejected — run Configure GitHub');
    // A message without a known fault stays as the core wrote it, without its label twice.
    const limited = sourceBadges({ git: { status: 'ok' }, github: { status: 'rate-limited', message: 'GitHub: rate-limited until 12:30' }, jira: { status: 'off' } });
    assert.equal(limited[1]!.text, 'GitHub rate-limited: rate-limited until 12:30');
  });

  it('while the first sync runs, "nothing cached yet" reads as syncing, not as an error', () => {
    const pending = { status: 'error' as const, message: 'offline and no Jira data cached yet', fault: { kind: 'offline-empty' as const } };
    assert.equal(sourceBadges({ git: { status: 'ok' }, github: { status: 'off' }, jira: pending }, true)[2]!.text, 'Jira syncing: first sync running');
    const settled = sourceBadges({ git: { status: 'ok' }, github: { status: 'off' }, jira: forEditor('jira', pending) }, false)[2]!;
    assert.equal(settled.state, 'error');
    assert.match(settled.text, /offline, and nothing cached yet/);
  });

  it('a failed GitHub sign-in says where it tried and what to try; a cancel says nothing', () => {
    const dotcom = githubSignInFailure('https://api.github.com', 'No auth flow succeeded.');
    assert.equal(dotcom, 'signing in to GitHub.com failed (No auth flow succeeded.). Check the network (a proxy or firewall may block github.com), then Retry. For GitHub Enterprise Server, set engineeringKpis.github.apiUrl first.');
    const ghe = githubSignInFailure('https://github.example.com/api/v3', 'No auth flow succeeded.');
    assert.match(ghe ?? '', /^signing in to GitHub Enterprise at github\.example\.com failed .* engineeringKpis\.github\.apiUrl \(https:\/\/github\.example\.com\/api\/v3\) is your server's API URL, then Retry\.$/);
    assert.equal(githubSignInFailure('https://api.github.com', 'User did not consent to login.'), undefined);
    assert.equal(githubSignInFailure('https://api.github.com', 'Cancelled'), undefined);
  });
});
