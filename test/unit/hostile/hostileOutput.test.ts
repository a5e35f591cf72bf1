import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { startSprintScenario, sourceFlags, sourceEnv, type SprintScenario } from '../../kit/fakeSprintScenario';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { csvCell } from '../../../src/core/output/csvEscape';
import { mdCode } from '../../../src/core/output/markdownEscape';
import type { Report } from '../../../src/core/metrics/registry';

/** The renderer that ran the injected script in the review: raw HTML allowed, as many wikis and PR tools do. */
const md = new MarkdownIt({ html: true });

const EVIL_BRANCH = 'x`<script>document.body.className=4242</script>`';
/** A lone CR is a line ending to CommonMark: this would end the table row and draw an <hr>. */
const LONE_CR = 'Ship it\r---\r| forged | row |';
/** Sets the terminal's title, then clears the screen. */
const TERMINAL_ESCAPES = 'boom \x1b]0;pwned\x07\x1b[2J\x1b[31mred\x1b[0m \u202eevil\u202c \x9b1m done';
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

interface Table {
  head: number;
  rows: number[];
  text: string;
}

/** Each rendered table: cells in its header and in each body row. */
function tables(html: string): Table[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) => {
    const rows = [...t!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, r]) => (r!.match(/<t[hd][ >]/g) ?? []).length);
    return { head: rows[0]!, rows: rows.slice(1), text: t! };
  });
}

function assertNoInjection(html: string): void {
  assert.doesNotMatch(html, /<script/i, 'no script element');
  assert.doesNotMatch(html, /<hr/i, 'no horizontal rule');
  for (const t of tables(html)) for (const cells of t.rows) assert.equal(cells, t.head, `every row has as many cells as the header:\n${t.text}`);
}

describe('hostile output: branch names, titles and server messages cannot inject into what people read', function () {
  this.timeout(60_000);

  it('a default branch named x`<script>…</script>` stays inside its code span in the Markdown report (rendered with html:true)', async () => {
    const r = GitFixture.init(EVIL_BRANCH);
    r.commit('one', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const run = await runCliInProcess(['report', '--repo', r.dir, '--format', 'md', '--cache-dir', tempDir(), '--since', '2026-01-01', '--until', '2026-12-01']);
    r.remove();
    assert.equal(run.code, 0, run.stderr);
    const html = md.render(run.stdout);
    assertNoInjection(html);
    assert.ok(html.includes(`<code>${md.utils.escapeHtml(EVIL_BRANCH)}</code>`), html.split('\n').slice(0, 4).join('\n'));
    assert.equal(tables(html)[0]!.rows.length, 6, 'one row per KPI');
  });

  it('a code span survives any backtick run, leading or trailing backticks and spaces', () => {
    for (const s of ['`', '``a``', ' `x` ', 'a ``` b', ' ', 'plain']) {
      const html = md.renderInline(mdCode(s));
      assert.equal(html, `<code>${md.utils.escapeHtml(s)}</code>`, JSON.stringify(s));
    }
  });

  it('a commit subject with lone CRs keeps the sprint review\'s table whole: no <hr>, no forged row', async () => {
    const r = GitFixture.init();
    r.commit('initial', { 'a.ts': 'export const a = 0;\n' }, { date: '2026-08-01T00:00:00Z' });
    r.tag('v1.1'); // the first release starts the clock (spec v2): v1.2 then releases the next two commits
    r.commit(LONE_CR, { 'a.ts': 'export const a = 1;\n' }, { date: '2026-09-16T00:00:00Z' });
    r.commit('Polish', { 'a.ts': 'export const a = 2;\n' }, { date: '2026-09-20T00:00:00Z' });
    r.tag('v1.2');
    const run = await runCliInProcess(['sprint-review', '--repo', r.dir, '--since', '2026-09-14', '--until', '2026-09-28', '--format', 'md', '--cache-dir', tempDir()]);
    r.remove();
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes('Ship it'), 'the subject is in the review');
    const html = md.render(run.stdout);
    assertNoInjection(html);
    const released = tables(html).find((t) => t.text.includes('Ship it'))!;
    assert.equal(released.rows.length, 2, 'two released commits, two rows');
    assert.doesNotMatch(html, /<td>forged<\/td>/);
  });

  describe('through the sprint scenario (fake GitHub and Jira)', () => {
    let s: SprintScenario;
    before(async () => {
      s = await startSprintScenario();
      // Server-controlled: PR 6 is the flow outlier, so its title is in a table in every format.
      const pr6 = s.github.prs.find((p) => p.number === 6)!;
      pr6.title = `${LONE_CR} ${TERMINAL_ESCAPES} <script>alert(1)</script>`;
    });
    after(async () => s.stop());

    it('a PR title with lone CRs and terminal escapes: Markdown review keeps its tables, no control character', async () => {
      const run = await runCliInProcess(['sprint-review', '--sprint', '3', '--format', 'md', '--cache-dir', tempDir(), ...sourceFlags(s, true)], { env: sourceEnv(s) });
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, CONTROL);
      const html = md.render(run.stdout);
      assertNoInjection(html);
      const outliers = tables(html).find((t) => t.text.includes('Ship it'))!;
      assert.equal(outliers.rows.length, 1, 'PR 6 alone');
    });

    it('the HTML review has no control characters either', async () => {
      const run = await runCliInProcess(['sprint-review', '--sprint', '3', '--format', 'html', '--cache-dir', tempDir(), ...sourceFlags(s, true)], { env: sourceEnv(s) });
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.includes('Ship it'));
      const body = run.stdout.slice(run.stdout.indexOf('<body'), run.stdout.indexOf('<script', run.stdout.indexOf('<body')));
      assert.doesNotMatch(body, CONTROL);
      assert.doesNotMatch(body, /<script>alert/);
    });
  });

  describe('a GraphQL error message with terminal escapes', () => {
    let fake: FakeGitHub;
    let repo: GitFixture;
    before(async () => {
      fake = new FakeGitHub();
      await fake.start();
      fake.inject('graphql', { kind: 'graphqlErrors', errors: [{ type: 'INTERNAL', message: TERMINAL_ESCAPES }] }, { times: 100 });
      repo = GitFixture.init();
      repo.commit('one', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
      repo.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
    });
    after(async () => {
      await fake.stop();
      repo.remove();
    });

    for (const format of ['table', 'md', 'csv', 'json'] as const) {
      it(`reaches --format ${format} without a control character on stdout or stderr`, async () => {
        const cache = tempDir();
        const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', format, '--cache-dir', cache, '--github-api-url', fake.url], { env: { GITHUB_TOKEN: fake.token } });
        rmSync(cache, { recursive: true, force: true });
        assert.equal(run.code, 0, run.stderr);
        if (format === 'json') {
          // JSON keeps the data (JSON.stringify escapes C0 as \u001b): tools decide how to show it.
          const report = JSON.parse(run.stdout) as Report;
          assert.equal(report.sources.github.status, 'error');
          assert.doesNotMatch(run.stdout, /[\x1b\x07]/);
        } else {
          if (format !== 'csv') assert.match(run.stdout, /boom/, 'the message is shown');
          assert.doesNotMatch(run.stdout, CONTROL);
        }
        assert.doesNotMatch(run.stderr, CONTROL);
        if (format === 'md') assertNoInjection(md.render(run.stdout));
      });
    }
  });

  it('an error message quoting a path with escapes is printed as one clean line', async () => {
    const run = await runCliInProcess(['report', '--repo', `/nonexistent/${TERMINAL_ESCAPES}\nsecond line`]);
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stderr, CONTROL);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  it('CSV cells: formulas are neutralised even behind controls or whitespace; numbers stay numbers', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.test","x")'), `"'=HYPERLINK(""http://evil.test"",""x"")"`);
    assert.equal(csvCell('\x00=1+1'), `'=1+1`);
    assert.equal(csvCell('\t@SUM(A1)'), `' @SUM(A1)`);
    assert.equal(csvCell('\r\n+cmd|x'), `' +cmd|x`);
    assert.equal(csvCell('-12.5'), '-12.5');
    assert.equal(csvCell('a\rb'), 'a b', 'a lone CR cannot start a new record');
    assert.doesNotMatch(csvCell(TERMINAL_ESCAPES), CONTROL);
  });
});
