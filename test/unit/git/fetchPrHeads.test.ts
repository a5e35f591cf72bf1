import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { githubLikeRemote } from '../../kit/githubLikeRemote';
import { tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { fetchPrHeads, protocolsFor } from '../../../src/core/sources/git/fetchPrHeads';
import type { Report } from '../../../src/core/metrics/registry';

/** A script that leaves a marker file when run: proof that git ran a program it should not have. */
function markerScript(dir: string, name: string, then = ''): { script: string; marker: string } {
  const marker = path.join(dir, `${name}.ran`);
  const script = path.join(dir, `${name}.sh`);
  writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\n${then}\n`);
  chmodSync(script, 0o755);
  return { script, marker };
}

describe('--fetch-pr-heads: one user-requested git fetch with the user\'s credentials and none of the repository\'s programs', () => {
  let remote: ReturnType<typeof githubLikeRemote>;
  let scratch: string;
  const savedEnv = { ...process.env };
  beforeEach(() => {
    remote = githubLikeRemote();
    scratch = tempDir('ekpi-fetch-');
    // The user's own git config: no helpers unless a test writes some.
    process.env.GIT_CONFIG_GLOBAL = path.join(scratch, 'user.gitconfig');
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    writeFileSync(process.env.GIT_CONFIG_GLOBAL, '');
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    remote.work.remove();
    await fs.rm(path.dirname(remote.origin), { recursive: true, force: true });
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('fetches refs/pull/N/head (not the test merges), packs them, and the report then has real cycle times', async () => {
    const run = await runCliInProcess(['report', '--repo', remote.work.dir, '--fetch-pr-heads', '--since', '2026-09-01', '--until', '2026-10-01', '--format', 'json', '--cache-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^fetched 2 pull request heads from origin$/m);
    const refs = remote.work.git(['for-each-ref', '--format=%(refname)', 'refs/pull/']).split('\n');
    assert.deepEqual(refs, ['refs/pull/1/head', 'refs/pull/2/head']);
    // Packed: one packed-refs file, not one file per ref.
    assert.equal(existsSync(path.join(remote.work.dir, '.git', 'refs', 'pull')) && readdirSync(path.join(remote.work.dir, '.git', 'refs', 'pull')).length > 0, false);
    const ct = (JSON.parse(run.stdout) as Report).kpis.cycleTime;
    assert.equal(ct.value, 60); // #1 48 h, #2 72 h (see githubLikeRemote)
  });

  it('--fetch-pr-heads with --offline is a usage error (exit 2), and nothing is fetched', async () => {
    const run = await runCliInProcess(['report', '--repo', remote.work.dir, '--fetch-pr-heads', '--offline', '--cache-dir', tempDir()]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--fetch-pr-heads fetches from the remote and --offline forbids the network/);
    assert.equal(remote.work.git(['for-each-ref', 'refs/pull/']), '');
  });

  it('never runs the repository\'s uploadpack, sshCommand, fsmonitor, hooks or GIT_SSH_COMMAND', async () => {
    const up = markerScript(scratch, 'uploadpack', 'exec git-upload-pack "$@"');
    const ssh = markerScript(scratch, 'sshcommand');
    const fsmon = markerScript(scratch, 'fsmonitor');
    const envSsh = markerScript(scratch, 'envssh');
    const hooks = path.join(scratch, 'hooks');
    mkdirSync(hooks);
    const hook = { marker: path.join(scratch, 'reference-transaction.ran') };
    writeFileSync(path.join(hooks, 'reference-transaction'), `#!/bin/sh\ntouch '${hook.marker}'\n`, { mode: 0o755 });
    const w = remote.work;
    w.git(['config', 'remote.origin.uploadpack', up.script]);
    w.git(['config', 'core.sshCommand', ssh.script]);
    w.git(['config', 'core.fsmonitor', fsmon.script]);
    w.git(['config', 'core.hooksPath', hooks]);
    process.env.GIT_SSH_COMMAND = envSsh.script;
    const result = await fetchPrHeads(w.dir);
    assert.equal(result.heads, 2);
    for (const m of [up, ssh, fsmon, envSsh, hook]) assert.equal(existsSync(m.marker), false, `${path.basename(m.marker)} ran`);

    // Over ssh (to a closed port: the fetch fails), the repository's sshCommand still never runs.
    w.git(['remote', 'set-url', 'origin', 'ssh://git@127.0.0.1:1/o/r.git']);
    await assert.rejects(fetchPrHeads(w.dir), /git fetch failed/);
    assert.equal(existsSync(ssh.marker), false, 'core.sshCommand ran');
    assert.equal(existsSync(envSsh.marker), false, 'GIT_SSH_COMMAND ran');
  });

  it('refuses transports other than https, ssh, loopback http and local folders (ext:: through insteadOf, git://)', async () => {
    const ext = path.join(scratch, 'ext.ran');
    remote.work.git(['config', `url.ext::sh -c touch% ${ext}% #.insteadOf`, 'https://evil.example/']);
    remote.work.git(['remote', 'set-url', 'origin', 'https://evil.example/o/r.git']);
    await assert.rejects(fetchPrHeads(remote.work.dir), /git fetch failed/);
    assert.equal(existsSync(ext), false);
    // git:// is allowed by git's own defaults: here it is refused before any connection is tried.
    remote.work.git(['remote', 'set-url', 'origin', 'git://127.0.0.1:1/o/r.git']);
    await assert.rejects(fetchPrHeads(remote.work.dir), /transport 'git' not allowed/);
    assert.deepEqual(protocolsFor('https://github.com/o/r.git'), ['https', 'ssh']);
    assert.deepEqual(protocolsFor('git@github.com:o/r.git'), ['https', 'ssh']);
    assert.deepEqual(protocolsFor('http://github.com/o/r.git'), ['https', 'ssh']);
    assert.deepEqual(protocolsFor('http://127.0.0.1:8080/o/r.git'), ['https', 'ssh', 'http']);
    assert.deepEqual(protocolsFor('/srv/mirror/r.git'), ['https', 'ssh', 'file']);
    assert.deepEqual(protocolsFor('file:///srv/mirror/r.git'), ['https', 'ssh', 'file']);
  });

  describe('credentials over http (a loopback server that asks for Basic auth)', () => {
    let server: Server;
    let authorizations: string[];
    beforeEach(async () => {
      authorizations = [];
      server = createServer((req, res) => {
        authorizations.push(req.headers.authorization ?? '');
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"', 'Content-Type': 'text/plain' });
        res.end('Unauthorized');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    });
    afterEach(() => new Promise<void>((r) => server.close(() => r())));

    it("asks the user's global credential helper, never the repository's", async () => {
      const repoHelper = markerScript(scratch, 'repo-helper', 'echo username=repo; echo password=stolen');
      const userHelper = markerScript(scratch, 'user-helper', 'echo username=alice; echo password=s3cret');
      writeFileSync(process.env.GIT_CONFIG_GLOBAL!, `[credential]\n\thelper = ${userHelper.script}\n`);
      const w = remote.work;
      w.git(['config', 'credential.helper', repoHelper.script]);
      const { port } = server.address() as AddressInfo;
      w.git(['config', `credential.http://127.0.0.1:${port}.helper`, repoHelper.script]);
      w.git(['remote', 'set-url', 'origin', `http://127.0.0.1:${port}/o/r.git`]);
      await assert.rejects(fetchPrHeads(w.dir), /git fetch failed/);
      assert.equal(existsSync(repoHelper.marker), false, "the repository's credential helper ran");
      assert.equal(existsSync(userHelper.marker), true, "the user's credential helper was not asked");
      assert.ok(authorizations.includes(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`), 'the user\'s credentials were not sent');
      assert.ok(!authorizations.some((a) => a.includes(Buffer.from('repo:stolen').toString('base64'))));
    });
  });
});
