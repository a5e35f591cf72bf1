import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, utimesSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { startSprintScenario, sourceEnv, sourceFlags } from '../../kit/fakeSprintScenario';
import { AtomicStore } from '../../../src/core/cache/atomicStore';
import { repoCacheDir } from '../../../src/core/cache/cacheDir';
import { withDirLock } from '../../../src/core/cache/dirLock';
import { countLinesAtHead } from '../../../src/core/sources/kloc/countLinesAtHead';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { LastResult } from '../../../src/extension/session/lastResult';
import { loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';
import type { Report } from '../../../src/core/metrics/registry';

/** The cache is an accelerator: a cache folder that is full, unwritable, tampered with or shared never changes or fails a report. */

const WINDOW = ['--since', '2026-01-01', '--until', '2026-06-01'];
const ROOT = path.resolve(__dirname, '../../..');

function smallRepo(): GitFixture {
  const r = GitFixture.init();
  r.commit('first', { 'src/a.ts': 'let a = 1;\nlet b = 2;\n' }, { date: '2026-03-01T00:00:00Z' });
  r.commit('fix: second', { 'src/a.ts': 'let a = 1;\nlet b = 3;\n', 'src/c.py': 'x = 1\n' }, { date: '2026-03-02T00:00:00Z' });
  return r;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** True when a JSON cache file carries a CRC-32 that matches its data. */
function checksumHolds(file: string): boolean {
  const text = readFileSync(file);
  const at = text.indexOf(',"data":');
  const header = JSON.parse(text.toString('utf8', 0, at) + '}') as { crc32?: number; schemaVersion?: number };
  return typeof header.schemaVersion === 'number' && header.crc32 === crc32(text.subarray(at + ',"data":'.length, text.length - 1));
}

describe('hostile: cache folders that fail, lie or are shared', () => {
  it('an unwritable cache folder (a file where the repository\'s folder should be): warnings, and the full report', async () => {
    const r = smallRepo();
    const root = tempDir();
    const good = await runCliInProcess(['report', '--repo', r.dir, '--format', 'json', '--cache-dir', tempDir(), ...WINDOW]);
    writeFileSync(repoCacheDir(root, realpathSync(r.dir)), 'not a folder');
    const run = await runCliInProcess(['report', '--repo', r.dir, '--format', 'json', '--cache-dir', root, ...WINDOW]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.deepEqual(report.kpis, (JSON.parse(good.stdout) as Report).kpis);
    assert.ok(report.warnings?.some((w) => /could not write the cache file \S+lines(-head)?\.json \((EEXIST|ENOTDIR), a file is where a folder should be/.test(w)), JSON.stringify(report.warnings));
    assert.ok(report.warnings?.some((w) => /git cache/.test(w)), JSON.stringify(report.warnings));
    r.remove();
  });

  it('a full disk (file size limit) while writing: the write is a warning and its temp file is removed', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    // ulimit -f makes every write past 16 KiB fail with EFBIG, even for root; the signal is ignored so the write fails instead of killing node.
    const script = `const { AtomicStore } = require(${JSON.stringify(path.join(ROOT, 'src/core/cache/atomicStore.ts'))});
      new AtomicStore(${JSON.stringify(path.join(dir, 'lines.json'))}, 'lines', 1).write({ big: 'x'.repeat(100000) })
        .then((ok) => console.log(JSON.stringify({ ok })), (e) => console.log(JSON.stringify({ threw: e.code })));`;
    const { stdout } = await promisify(execFile)('sh', ['-c', `trap '' XFSZ; ulimit -f 16; exec node --import tsx -e "$0"`, script], { cwd: ROOT });
    assert.deepEqual(JSON.parse(stdout.trim().split('\n').pop()!), { ok: false });
    assert.deepEqual(readdirSync(dir), []);
  });

  it('one changed digit in the lines-at-HEAD cache is caught by its checksum and the count redone', async () => {
    const r = smallRepo();
    const cache = tempDir();
    const right = await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, cache);
    const file = path.join(cache, 'lines-head.json');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /"sourceLines":3/);
    writeFileSync(file, text.replace('"sourceLines":3', '"sourceLines":9'));
    const again = await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, cache);
    assert.equal(again.sourceLines, right.sourceLines);
    assert.equal(readFileSync(file, 'utf8').includes('"sourceLines":9'), false, 'rebuilt');
    r.remove();
  });

  it('a store reads a tampered file as corrupt and a file without a checksum as another version', async () => {
    const file = path.join(tempDir(), 'x.json');
    const store = new AtomicStore<{ n: number }>(file, 'x', 1);
    assert.equal(await store.write({ n: 12 }), true);
    assert.deepEqual(await store.read(), { ok: true, data: { n: 12 } });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"n":12', '"n":13'));
    assert.deepEqual(await store.read(), { ok: false, why: 'corrupt' });
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, kind: 'x', savedAt: 'then', data: { n: 12 } }));
    assert.deepEqual(await store.read(), { ok: false, why: 'version' });
  });

  it('every cache file a run with git, GitHub and Jira writes, and the extension\'s last result, is checksummed', async () => {
    const s = await startSprintScenario();
    try {
      const root = tempDir();
      const run = await runCliInProcess(['report', ...sourceFlags(s, true), '--format', 'json', '--cache-dir', root], { env: sourceEnv(s) });
      assert.equal(run.code, 0, run.stderr);
      const json = filesUnder(root).filter((f) => f.endsWith('.json'));
      const names = json.map((f) => path.basename(f).replace(/-[0-9a-f]{8,}\.json$/, '-ID.json')).sort();
      assert.deepEqual(names, ['github.json', 'index.json', 'jira-ID.json', 'lines-head.json', 'lines.json', 'tag-objects.json']);
      for (const f of json) assert.ok(checksumHolds(f), f);

      const storage = tempDir();
      const report = JSON.parse(run.stdout) as Report;
      await new LastResult(storage, s.repo.dir).save('key', report, {} as never);
      const saved = filesUnder(storage);
      assert.equal(saved.length, 2);
      for (const f of saved) assert.ok(checksumHolds(f), f);
    } finally {
      await s.stop();
    }
  });

  it("the extension's last result that cannot be saved rejects (the session logs it) and leaves no temp file", async () => {
    const r = smallRepo();
    const storage = tempDir();
    const last = new LastResult(storage, r.dir);
    const report = JSON.parse((await runCliInProcess(['report', '--repo', r.dir, '--format', 'json', '--cache-dir', tempDir(), ...WINDOW])).stdout) as Report;
    await last.save('key', report, {} as never);
    const dir = path.join(storage, 'lastResult');
    const reportFile = path.join(dir, readdirSync(dir).find((n) => n.endsWith('.report.json'))!);
    // The report file's name is taken by a non-empty folder: its rename fails.
    rmSync(reportFile);
    mkdirSync(path.join(reportFile, 'occupied'), { recursive: true });
    await assert.rejects(last.save('key', report, {} as never), /EISDIR|ENOTEMPTY|EEXIST/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    r.remove();
  });

  it('the cache lock: one holder at a time, and a lock left by a run that died is taken over', async () => {
    const lock = path.join(tempDir(), 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all([1, 2, 3, 4].map(() => withDirLock(lock, async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside -= 1;
    })));
    assert.equal(most, 1);
    mkdirSync(lock); // a crashed run's lock, a minute old
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    assert.equal(await withDirLock(lock, async () => 'taken', { staleMs: 15_000, waitMs: 1_000 }), 'taken');
    mkdirSync(lock); // a live one: waiting gives up with a clear error
    await assert.rejects(withDirLock(lock, async () => 'no', { waitMs: 200 }), /another run has held the cache lock/);
  });

  describe('four CLI processes on one cache folder', () => {
    let r: GitFixture;
    before(() => {
      r = GitFixture.init();
      const lines: string[] = [];
      for (let i = 1; i <= 600; i++) {
        const when = Date.parse('2026-01-01T00:00:00Z') / 1000 + i * 600;
        const msg = i % 7 === 0 ? `fix: bug ${i}` : `change ${i}`;
        lines.push('commit refs/heads/main', `mark :${i}`, `committer Alice <alice@example.com> ${when} +0000`, `data ${msg.length}`, msg);
        if (i > 1) lines.push(`from :${i - 1}`);
        const body = `let v${i % 50} = ${i};\n`;
        lines.push(`M 644 inline src/f${i % 50}.ts`, `data ${body.length}`, body, '');
      }
      r.git(['fast-import', '--quiet'], { input: lines.join('\n') + '\n' });
      r.git(['reset', '-q', '--hard']);
    });
    after(() => r.remove());

    /** A real CLI process that runs the report twice in a row (so the four overlap cold and warm), printing both results. */
    const process2 = (cache: string) => {
      const args = ['report', '--repo', r.dir, '--format', 'json', '--cache-dir', cache, ...WINDOW];
      const script = `const { runCli } = require(${JSON.stringify(path.join(ROOT, 'src/cli.ts'))});
        (async () => {
          const runs = [];
          for (let i = 0; i < 2; i++) {
            let stdout = '', stderr = '';
            const code = await runCli(${JSON.stringify(args)}, { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s), isTTY: false }, env: {}, now: () => Date.parse('2026-10-01T00:00:00Z') });
            runs.push({ code, stdout, stderr });
          }
          console.log(JSON.stringify(runs));
        })();`;
      return promisify(execFile)('node', ['--import', 'tsx', '-e', script], { cwd: ROOT, maxBuffer: 1 << 26 }).then((p) => JSON.parse(p.stdout) as Array<{ code: number; stdout: string; stderr: string }>);
    };
    // Both clocks are fixed, so the reports, generatedAt included, must be equal byte for byte.
    const comparable = (stdout: string) => JSON.parse(stdout) as Report;

    it('in one process, four loads of the history at once: each complete, the cache whole, no failed write', async () => {
      const cache = tempDir();
      const loads = await Promise.all([1, 2, 3, 4].map(() => loadGitHistory(r.dir, { cacheDir: cache })));
      for (const h of loads) {
        await h.persisted;
        assert.equal(h.commits.length, 600);
      }
      const warm = await loadGitHistory(r.dir, { cacheDir: cache });
      assert.equal(warm.cacheUse, 'warm');
      assert.equal(warm.commits.length, 600);
    });

    it('four processes, each a cold then a warm run, at once: identical reports, no warnings, no temp files left', async function () {
      this.timeout(60_000);
      const cache = tempDir();
      const reference = comparable((await runCliInProcess(['report', '--repo', r.dir, '--format', 'json', '--cache-dir', tempDir(), ...WINDOW])).stdout);
      assert.equal(reference.warnings, undefined);
      const processes = await Promise.all([1, 2, 3, 4].map(() => process2(cache)));
      for (const run of processes.flat()) {
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stderr, '');
        assert.deepEqual(comparable(run.stdout), reference);
      }
      const dir = readdirSync(cache).map((d) => path.join(cache, d)).find((d) => statSync(d).isDirectory())!;
      assert.deepEqual(filesUnder(dir).filter((f) => f.endsWith('.tmp')), []);
      const warm = await loadGitHistory(r.dir, { cacheDir: dir });
      assert.equal(warm.cacheUse, 'warm');
    });
  });
});
