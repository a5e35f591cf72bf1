import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAccount, checkBoard, checkProject, listScrumBoards, probeSite } from '../../../src/core/sources/jira/checkConnection';
import { JiraApi } from '../../../src/core/sources/jira/jiraApi';
import { DEFAULT_RETRY, type RetryPolicy } from '../../../src/core/sources/jira/retryPolicy';
import { syncJira } from '../../../src/core/sources/jira/syncJira';
import { FakeJira, type FakeBoard } from '../../kit/fakeJira';
import { EMAIL, TOKEN, configFor, tempDir } from './jiraTestKit';

/** 60 scrum boards of AR (two pages of the Agile API's 50), with kanban and other projects' boards between them. */
function manyBoards(): FakeBoard[] {
  const out: FakeBoard[] = [];
  for (let i = 1; i <= 60; i++) {
    out.push({ id: i * 3, name: `Team ${i}`, type: 'scrum', projectKey: 'AR' });
    if (i % 10 === 0) out.push({ id: i * 3 + 1, name: `Support ${i}`, type: 'kanban', projectKey: 'AR' });
    if (i % 7 === 0) out.push({ id: i * 3 + 2, name: `Other ${i}`, type: 'scrum', projectKey: 'OPS' });
  }
  return out;
}

/** Checks answer at once: no retry, no wait. */
const noRetry: RetryPolicy = { ...DEFAULT_RETRY, maxRetries: 0 };

describe('Configure Jira checks the connection: site, account, project, boards', () => {
  let fake: FakeJira;
  afterEach(async () => fake?.stop());

  for (const variant of ['cloud', 'server'] as const) {
    it(`${variant}: a good token passes every check and the project's scrum boards are listed across pages`, async () => {
      fake = await new FakeJira({ variant, boards: manyBoards(), displayName: 'Mira Example' }).start();
      const site = await probeSite(new JiraApi(fake.url, { token: '' }, noRetry));
      assert.deepEqual(site, { ok: true, value: { deployment: variant, version: variant === 'cloud' ? '1001.0.0' : '9.12.0' } });
      const api = new JiraApi(fake.url, { email: variant === 'cloud' ? EMAIL : undefined, token: TOKEN }, noRetry);
      assert.deepEqual(await checkAccount(api), { ok: true, value: 'Mira Example' });
      assert.deepEqual(await checkProject(api, 'AR'), { ok: true, value: { key: 'AR', name: 'Project AR' } });
      const boards = await listScrumBoards(api, 'AR');
      assert.ok(boards.ok);
      assert.deepEqual(boards.value.map((b) => b.id), Array.from({ length: 60 }, (_, i) => (i + 1) * 3));
      assert.equal(boards.value[41]!.name, 'Team 42');
      // Two pages, each asking for this project's scrum boards.
      const pages = fake.requestsTo('/rest/agile/1.0/board').filter((r) => r.path === '/rest/agile/1.0/board');
      assert.deepEqual(pages.map((r) => [r.query.get('startAt'), r.query.get('projectKeyOrId'), r.query.get('type')]), [['0', 'AR', 'scrum'], ['50', 'AR', 'scrum']]);
      assert.deepEqual(await checkBoard(api, 126, 'AR'), { ok: true, value: { id: 126, name: 'Team 42' } });
    });
  }

  it('a rejected token is a 401 "auth" fault from the account check; the anonymous site check still passes', async () => {
    fake = await new FakeJira({ variant: 'server' }).start();
    assert.equal((await probeSite(new JiraApi(fake.url, { token: '' }, noRetry))).ok, true);
    const r = await checkAccount(new JiraApi(fake.url, { token: 'wrong' }, noRetry));
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.fault, { kind: 'auth', httpStatus: 401, endpoint: '/rest/api/2/myself' });
  });

  it('a host that does not resolve is "host-not-found", a closed port "refused", each naming the host', async () => {
    const dns = await probeSite(new JiraApi('http://jira.nonexistent.invalid', { token: '' }, noRetry));
    assert.equal(dns.ok, false);
    assert.equal(!dns.ok && dns.fault.kind, 'host-not-found');
    assert.equal(!dns.ok && dns.fault.host, 'jira.nonexistent.invalid');
    fake = await new FakeJira({ variant: 'server' }).start();
    const url = fake.url;
    await fake.stop();
    const refused = await probeSite(new JiraApi(url, { token: '' }, noRetry));
    assert.equal(!refused.ok && refused.fault.kind, 'refused');
    assert.equal(!refused.ok && refused.fault.host, new URL(url).host);
  });

  it('a URL that answers HTML instead of Jira is "malformed"; a site that wants credentials for serverInfo is not an error', async () => {
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith('/login/')) return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = await probeSite(new JiraApi(base, { token: '' }, noRetry));
      assert.equal(!html.ok && html.fault.kind, 'malformed');
      assert.deepEqual(await probeSite(new JiraApi(`${base}/login`, { token: '' }, noRetry)), { ok: true, value: null });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('a project Jira does not know is "no-project"; a board missing or of another project is "no-board" naming both', async () => {
    fake = await new FakeJira({ variant: 'server', boards: [{ id: 7, name: 'Ops', type: 'scrum', projectKey: 'OPS' }] }).start();
    const api = new JiraApi(fake.url, { token: TOKEN }, noRetry);
    const p = await checkProject(api, 'ABC');
    assert.deepEqual(!p.ok && p.fault, { kind: 'no-project', httpStatus: 404, endpoint: '/rest/api/2/project/ABC', project: 'ABC' });
    const missing = await checkBoard(api, 42, 'AR');
    assert.deepEqual(!missing.ok && missing.fault, { kind: 'no-board', httpStatus: 404, endpoint: '/rest/agile/1.0/board/42', boardId: 42, project: 'AR' });
    const other = await checkBoard(api, 7, 'AR');
    assert.equal(!other.ok && other.fault.kind, 'no-board');
    assert.match(!other.ok ? other.message : '', /no board 7 in project AR \(board 7 shows OPS\)/);
  });
});

describe('syncJira reports its failure as a structured fault beside the message', () => {
  let fake: FakeJira;
  afterEach(async () => fake?.stop());

  it('a rejected token: status error, fault auth 401; the message keeps the CLI advice', async () => {
    fake = await new FakeJira({ variant: 'server' }).start();
    const data = await syncJira(configFor(fake, { token: async () => 'wrong' }), await tempDir(), { retry: noRetry });
    assert.equal(data.status.status, 'error');
    assert.equal(data.status.fault?.kind, 'auth');
    assert.equal(data.status.fault?.httpStatus, 401);
    assert.match(data.status.message ?? '', /JIRA_PAT/);
  });

  it('a board id Jira does not know: fault no-board with the board and the project', async () => {
    fake = await new FakeJira({ variant: 'server' }).start();
    const data = await syncJira(configFor(fake, { boardId: 42 }), await tempDir(), { retry: noRetry });
    assert.equal(data.status.status, 'error');
    assert.deepEqual({ ...data.status.fault, endpoint: undefined }, { kind: 'no-board', httpStatus: 404, boardId: 42, project: 'AR', endpoint: undefined });
    assert.match(data.status.message ?? '', /no board 42 in project AR/);
  });

  it('no token at all: fault no-credentials', async () => {
    fake = await new FakeJira({ variant: 'server' }).start();
    const data = await syncJira(configFor(fake, { token: async () => undefined }), await tempDir());
    assert.equal(data.status.fault?.kind, 'no-credentials');
    assert.equal(fake.log.length, 0);
  });
});
