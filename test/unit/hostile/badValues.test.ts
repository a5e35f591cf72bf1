import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess, type CliRun } from '../../kit/runCliInProcess';
import type { Report } from '../../../src/core/metrics/registry';

const WINDOW = ['--since', '2026-01-01', '--until', '2026-12-01'];

function repo(): GitFixture {
  const r = GitFixture.init();
  r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
  return r;
}

/** Exit 2, one line on stderr matching `re`, nothing on stdout. */
function usageError(run: CliRun, re: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, re);
  assert.equal(run.stdout, '');
}

describe('bad values: exit 2 and one clear line, before any work', () => {
  let r: GitFixture;
  before(() => (r = repo()));
  after(() => r.remove());
  const report = (args: string[]) => runCliInProcess(['report', '--repo', r.dir, '--format', 'json', '--cache-dir', tempDir(), ...args]);

  it('a span that reaches before 1970 (--since 99999999999d) is out of range, not "Invalid time value"', async () => {
    usageError(await report(['--since', '99999999999d']), /--since "99999999999d" is out of range/);
    usageError(await report(['--until', '2026-01-01', '--since', '30000d']), /--since "30000d" is out of range/);
  });

  for (const flag of ['--since=', '--until=', '--repo=', '--config=', '--cache-dir=', '--source-glob=', '--release-tag-pattern=']) {
    it(`an empty ${flag} is refused, not silently ignored`, async () => {
      usageError(await report([flag]), new RegExp(`${flag.slice(0, -1)} is empty`));
    });
  }

  for (const when of ['1', '2026', '20260101', 'yesterday', '2026-1-5', '90 d', '-5d']) {
    it(`--since ${JSON.stringify(when)} is not read as some date: it is refused`, async () => {
      usageError(await report([`--since=${when}`]), /is not a date: use an ISO date like 2026-08-24, a date-time like 2026-08-24T09:30Z or a span like 90d/);
    });
  }

  for (const when of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31T10:00Z', '2026-01-01T24:00Z', '2026-01-01T10:60Z']) {
    it(`the impossible date ${when} is refused`, async () => {
      usageError(await report(['--since', when, '--until', '2026-12-01']), /is not a real date and time/);
    });
  }

  it('real dates, date-times (UTC unless an offset is given), leap days and spans are accepted', async () => {
    const cases: Array<[string[], string, string]> = [
      [['--since', '2024-02-29', '--until', '2026-08-24T09:30Z'], '2024-02-29T00:00:00Z', '2026-08-24T09:30:00Z'],
      [['--since', '2026-08-24T09:30:00', '--until', '2026-08-24T12:00:00+02:00'], '2026-08-24T09:30:00Z', '2026-08-24T10:00:00Z'],
      [['--since', '2w', '--until', '2026-09-15'], '2026-09-01T00:00:00Z', '2026-09-15T00:00:00Z'],
    ];
    for (const [args, since, until] of cases) {
      const run = await report(args);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      const w = (JSON.parse(run.stdout) as Report).window;
      assert.deepEqual([w.since, w.until], [since, until], args.join(' '));
    }
  });

  it('"sourceGlobs": [""] in .engineering-kpis.json names the setting instead of a raw picomatch error', async () => {
    const c = repo();
    writeFileSync(path.join(c.dir, '.engineering-kpis.json'), JSON.stringify({ sourceGlobs: ['src/**', ''] }));
    usageError(await runCliInProcess(['report', '--repo', c.dir, '--cache-dir', tempDir()]), /^engineering-kpis: sourceGlobs has an empty glob/);
    c.remove();
  });

  it('a config file saved with a UTF-8 byte order mark is read', async () => {
    const c = repo();
    c.tag('release-7');
    c.commit('two', { 'a.ts': 'let a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
    c.tag('release-8');
    writeFileSync(path.join(c.dir, '.engineering-kpis.json'), '\uFEFF' + JSON.stringify({ releaseTagPattern: '^release-\\d+$' }));
    const run = await runCliInProcess(['report', '--repo', c.dir, '--format', 'json', '--cache-dir', tempDir(), ...WINDOW]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as Report).kpis.timeToMarket.value, 0, 'the pattern from the file applied');
    c.remove();
  });

  it('a config that is a symlink to a secret never has that file\'s contents quoted in the error', async () => {
    const c = repo();
    const secret = path.join(tempDir(), 'id_rsa');
    writeFileSync(secret, 'SECRETKEYMATERIAL-b3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n');
    symlinkSync(secret, path.join(c.dir, '.engineering-kpis.json'));
    const run = await runCliInProcess(['report', '--repo', c.dir, '--cache-dir', tempDir()]);
    usageError(run, /\.engineering-kpis\.json is not valid JSON/);
    assert.doesNotMatch(run.stderr, /SECRET|b3Bl/);
    writeFileSync(secret, '{\n  "moduleDepth": 2,\n  "token": SECRETKEYMATERIAL\n}\n');
    const again = await runCliInProcess(['report', '--repo', c.dir, '--cache-dir', tempDir()]);
    usageError(again, /is not valid JSON/);
    assert.doesNotMatch(again.stderr, /SECRET/);
    c.remove();
  });

  describe('sprint-review --out is checked before the review is computed', () => {
    let fake: FakeGitHub;
    let g: GitFixture;
    before(async () => {
      fake = new FakeGitHub();
      await fake.start();
      g = repo();
      g.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
    });
    after(async () => {
      await fake.stop();
      g.remove();
    });
    const review = (out: string) =>
      runCliInProcess(['sprint-review', '--repo', g.dir, '--out', out, '--cache-dir', tempDir(), '--github-api-url', fake.url], { env: { GITHUB_TOKEN: fake.token } });

    it('a folder that does not exist', async () => {
      usageError(await review('/nonexistent/ekpi/review.md'), /--out "\/nonexistent\/ekpi\/review.md" is in a folder that does not exist \(\/nonexistent\/ekpi\)/);
      assert.equal(fake.requests(), 0, 'no source was read');
    });

    it('a folder instead of a file', async () => {
      const dir = tempDir();
      usageError(await review(dir), /is a folder: name a file/);
      assert.equal(fake.requests(), 0);
    });

    it('under a file instead of a folder', async () => {
      const file = path.join(tempDir(), 'plain');
      writeFileSync(file, 'x');
      usageError(await review(path.join(file, 'review.md')), /which is not a folder/);
    });

    it('a good path is written', async () => {
      const dir = path.join(tempDir(), 'reviews');
      mkdirSync(dir);
      const run = await review(path.join(dir, 'review.md'));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /wrote .*review\.md/);
    });
  });

  it('sprint-review refuses an empty --since and an impossible --until too', async () => {
    usageError(await runCliInProcess(['sprint-review', '--repo', r.dir, '--since=']), /--since is empty/);
    usageError(await runCliInProcess(['sprint-review', '--repo', r.dir, '--until', '2026-02-30']), /--until "2026-02-30" is not a real date/);
  });
});
