import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import * as path from 'node:path';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { countLinesAtHead } from '../../../src/core/sources/kloc/countLinesAtHead';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { git } from '../../../src/core/sources/git/gitRunner';
import type { Report } from '../../../src/core/metrics/registry';

/**
 * A hostile repository must not make git run its programs or go to the network. The classic way
 * in is a partial clone: git fetches a missing blob from the promisor remote on its own, running
 * remote.origin.uploadpack (or core.sshCommand, a credential helper) from the repository's config.
 */

const report = (repo: string) => runCliInProcess(['report', '--repo', repo, '--format', 'json', '--cache-dir', tempDir(), '--since', '2026-01-01', '--until', '2026-06-01']);

/** A "server" with two files, and a --filter=blob:none clone of it that has only a.ts's blob. */
function partialClone(): { server: GitFixture; clone: GitFixture } {
  const server = GitFixture.init();
  server.commit('fix: first', { 'src/a.ts': 'let a = 1;\n', 'src/b.ts': 'let b = 2;\nlet c = 3;\n' }, { date: '2026-03-01T00:00:00Z' });
  server.git(['config', 'uploadpack.allowFilter', 'true']);
  const dir = path.join(tempDir(), 'clone');
  server.git(['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${server.dir}`, dir]);
  const clone = new GitFixture(dir);
  // Fetched now, while the remote is harmless: the clone then has src/a.ts and lacks src/b.ts.
  clone.git(['cat-file', '-p', 'HEAD:src/a.ts']);
  assert.match(clone.git(['rev-list', '--objects', '--missing=print', '--no-walk', 'HEAD']), /^\?/m, 'the clone lacks a blob');
  return { server, clone };
}

describe('hostile: git never runs a repository-controlled program nor fetches on its own', () => {
  it('a partial clone whose uploadpack is a program: it never runs, the missing blob is reported, not fetched', async () => {
    const { server, clone } = partialClone();
    const marker = path.join(tempDir(), 'ran');
    const script = path.join(tempDir(), 'uploadpack.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\nexec git-upload-pack "$@"\n`);
    chmodSync(script, 0o755);
    clone.git(['config', 'remote.origin.uploadpack', script]);

    const run = await report(clone.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(marker), false, 'the repository-configured uploadpack ran');
    const r = JSON.parse(run.stdout) as Report;
    assert.ok(r.warnings?.some((w) => /not in this partial clone \(src\/b\.ts\)/.test(w) && /unknown/.test(w)), JSON.stringify(r.warnings));
    // Only src/a.ts (1 line) is counted: the absent file is unknown, not zero and not fetched.
    assert.equal(r.kpis.defectDensity.kloc, 0.001);
    assert.equal(clone.git(['rev-list', '--objects', '--missing=print', '--no-walk', 'HEAD']).includes('?'), true, 'still absent: nothing was fetched');
    server.remove();
    clone.remove();
  });

  it('a missing blob is not cached as counted: once present, the next run counts it', async () => {
    const { server, clone } = partialClone();
    const cache = tempDir();
    const first = await countLinesAtHead(clone.dir, clone.head(), DEFAULT_OPTIONS, cache);
    assert.deepEqual(first.files.map((f) => f.path), ['src/a.ts']);
    clone.git(['cat-file', '-p', 'HEAD:src/b.ts']); // the user fetches it (here: git's own lazy fetch, outside the product)
    const second = await countLinesAtHead(clone.dir, clone.head(), DEFAULT_OPTIONS, cache);
    assert.deepEqual(second.files.map((f) => f.path), ['src/a.ts', 'src/b.ts']);
    assert.equal(second.sourceLines, 3);
    assert.equal(second.warnings, undefined);
    server.remove();
    clone.remove();
  });

  it('a partial clone on an ssh remote with a core.sshCommand program: it never runs', async () => {
    const { server, clone } = partialClone();
    const marker = path.join(tempDir(), 'ran');
    const script = path.join(tempDir(), 'ssh.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
    chmodSync(script, 0o755);
    clone.git(['config', 'remote.origin.url', 'ssh://git@example.invalid/o/r.git']);
    clone.git(['config', 'core.sshCommand', script]);
    const run = await report(clone.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(marker), false, 'the repository-configured ssh command ran');
    server.remove();
    clone.remove();
  });

  it('a partial clone that lacks the trees the history needs: exit 2, one line that says how to get them', async () => {
    const server = GitFixture.init();
    server.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    server.git(['config', 'uploadpack.allowFilter', 'true']);
    const dir = path.join(tempDir(), 'clone');
    server.git(['clone', '-q', '--no-checkout', '--filter=tree:0', `file://${server.dir}`, dir]);
    const run = await report(dir);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /is a partial clone that lacks objects the report needs, and the report never fetches: fetch them yourself \(git -C \S+ fetch --refetch origin\)/);
    server.remove();
  });

  describe('a partial clone whose promisor remote is an http server that never answers', () => {
    let server: Server;
    let connections = 0;
    const sockets: Socket[] = [];
    before(async () => {
      server = createServer((s) => {
        connections += 1;
        sockets.push(s); // accepted, never answered
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    after(() => {
      for (const s of sockets) s.destroy();
      server.close();
    });

    it('the report completes without a single connection', async () => {
      const { server: origin, clone } = partialClone();
      const port = (server.address() as { port: number }).port;
      clone.git(['config', 'remote.origin.url', `http://127.0.0.1:${port}/repo.git`]);
      const run = await report(clone.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(connections, 0);
      origin.remove();
      clone.remove();
    });
  });

  it('a caller can allow one transport for one explicit call (an opt-in fetch); every other call refuses it', async () => {
    const server = GitFixture.init();
    server.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const dir = path.join(tempDir(), 'clone');
    server.git(['clone', '-q', `file://${server.dir}`, dir]);
    server.commit('two', { 'a.ts': 'let a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
    await assert.rejects(git(dir, ['fetch', '-q', 'origin']), /transport 'file' not allowed/);
    await git(dir, ['fetch', '-q', 'origin'], { allowProtocols: ['file'] });
    assert.equal((await git(dir, ['rev-parse', 'origin/main'])).trim(), server.head());
    server.remove();
  });

  it('GIT_CONFIG_GLOBAL in the environment (CI sets it to /dev/null) is the user\'s config, not an error', async () => {
    const r = GitFixture.init();
    r.commit('fix: one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    try {
      const run = await report(r.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as Report).kpis.defectDensity.defects, 1);
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
      r.remove();
    }
  });
});
