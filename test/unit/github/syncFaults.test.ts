import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { clock } from '../../../src/core/sources/github/githubErrors';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { manyMergedPrs, release } from '../../kit/fakeGitHubData';
import { harness, type Harness } from './syncHelpers';

const T0 = Date.UTC(2026, 0, 5) / 1000;
const nowS = (): number => Math.floor(Date.now() / 1000);

describe('syncGitHub faults (fake GitHub on 127.0.0.1)', () => {
  let fake: FakeGitHub;
  let h: Harness;
  beforeEach(async () => {
    fake = new FakeGitHub({ prs: manyMergedPrs(150, T0), releases: [release('v1.0.0', T0 + 100)] });
    await fake.start();
    h = await harness(fake);
  });
  afterEach(async () => {
    await fake.stop();
    await h.dispose();
  });

  /** A good sync first, so each fault can prove the cache survives it. */
  async function warm(): Promise<void> {
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    fake.prs.push(...manyMergedPrs(160, T0).slice(150).map((p) => ({ ...p, updatedAt: '2027-01-01T00:00:00Z' })));
  }

  it('no token: off, with the fix in the message, and no request sent', async () => {
    const r = await h.sync({ token: undefined });
    assert.equal(r.status.status, 'off');
    assert.equal(r.status.message, 'GitHub: off (set GITHUB_TOKEN)');
    assert.equal(fake.requests(), 0);
    assert.equal(r.pullRequests.length, 0);
  });

  it('401: names the fix, keeps the cached PRs, and the token appears nowhere', async () => {
    await warm();
    const r = await h.sync({ token: 'ghp_wrongSecret999' });
    assert.equal(r.status.status, 'error');
    assert.equal(r.status.message, 'GitHub token rejected (401): set GITHUB_TOKEN to a valid token');
    assert.equal(r.pullRequests.length, 150);
    assert.ok(r.status.asOf, 'says how old the shown data is');
    const cacheText = await readFile(path.join(h.dir, 'github.json'), 'utf8');
    assert.ok(!cacheText.includes(fake.token) && !cacheText.includes('ghp_wrongSecret999'));
    assert.ok(!JSON.stringify(r.status).includes('ghp_wrongSecret999'));
  });

  it('403 with x-ratelimit-remaining 0 and a reset seconds away: waits for it and completes', async () => {
    const reset = nowS() + 2;
    fake.inject('graphql', { kind: 'status', status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } });
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    assert.equal(h.waits.length, 1);
    assert.equal(h.waits[0]!.reason, 'rate-limit');
    // The plugin waits until one second past the reset: 2-3 s from "now".
    assert.ok(h.waits[0]!.seconds >= 2 && h.waits[0]!.seconds <= 4, `waited ${h.waits[0]!.seconds}`);
    assert.equal(r.pullRequests.length, 150);
  });

  it('403 with x-ratelimit-remaining 0 and a reset hours away: stops, keeps what it got, says "rate-limited until HH:MM"', async () => {
    await warm();
    const reset = nowS() + 2 * 3600;
    fake.inject('graphql', { kind: 'status', status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } });
    const r = await h.sync();
    assert.equal(r.status.status, 'rate-limited');
    const d = new Date(reset * 1000);
    const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    assert.equal(clock(reset), hhmm);
    assert.equal(r.status.message, `GitHub: rate-limited until ${hhmm}`);
    assert.equal(r.status.until, new Date(reset * 1000).toISOString());
    assert.equal(h.waits.length, 0, 'does not sit out a long reset');
    assert.equal(r.pullRequests.length, 150);
  });

  it('403 "secondary rate limit" without retry-after waits the 60 s fallback, then completes', async () => {
    fake.inject('graphql', { kind: 'status', status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } });
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    assert.deepEqual(h.waits, [{ seconds: 60, reason: 'secondary-limit' }]);
  });

  it('429 with retry-after is honoured, then completes', async () => {
    fake.inject('releases', { kind: 'status', status: 429, body: { message: 'You have exceeded a secondary rate limit.' }, headers: { 'retry-after': '7' } });
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    assert.deepEqual(h.waits, [{ seconds: 7, reason: 'secondary-limit' }]);
    assert.equal(r.releases.length, 1);
  });

  it('GraphQL RATE_LIMITED inside a 200: waits when the reset is near, reports rate-limited when it is far', async () => {
    fake.inject('graphql', { kind: 'graphqlErrors', errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }], headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowS() + 1) } });
    const ok = await h.sync();
    assert.equal(ok.status.status, 'ok', ok.status.message);
    assert.equal(h.waits.length, 1);

    fake.prs.push(...manyMergedPrs(151, T0 + 1e6).slice(150).map((p) => ({ ...p, number: 999 })));
    const reset = nowS() + 3 * 3600;
    fake.inject('graphql', { kind: 'graphqlErrors', errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }], headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } });
    const limited = await h.sync();
    assert.equal(limited.status.status, 'rate-limited');
    assert.equal(limited.status.message, `GitHub: rate-limited until ${clock(reset)}`);
    assert.equal(limited.pullRequests.length, 150);
  });

  it('404 (renamed or no access): clear error, cache intact', async () => {
    await warm();
    const r = await h.sync({ name: 'renamed' });
    assert.equal(r.status.status, 'error');
    assert.equal(r.status.message, 'GitHub repository o/renamed not found (404): it was renamed, or the token has no access to it');
    // A different repository's cache is not shown as this one's, and the original is untouched.
    assert.equal(r.pullRequests.length, 0);
    assert.equal((await h.cached()).pullRequests.length, 150);
    fake.inject('releases', { kind: 'status', status: 404, body: { message: 'Not Found' } });
    const rest404 = await h.sync();
    assert.match(rest404.status.message!, /not found \(404\)/);
    assert.equal(rest404.pullRequests.length, 160, 'PR pages fetched before the 404 are kept');
  });

  it('5xx is retried: two 502s then success', async () => {
    fake.inject('graphql', { kind: 'status', status: 502, body: { message: 'Server Error' } }, { times: 2 });
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    assert.equal(fake.log.filter((l) => l.status === 502).length, 2);
    assert.equal(r.requests, 2 + 2 + 1);
  });

  it('5xx on every retry: error after 1 + 3 attempts, cache intact', async () => {
    await warm();
    fake.inject('graphql', { kind: 'status', status: 503, body: { message: 'unavailable' } }, { times: 10 });
    const r = await h.sync();
    assert.equal(r.status.status, 'error');
    assert.equal(r.status.message, 'GitHub: server error 503 after retries; try again later');
    assert.equal(fake.log.filter((l) => l.status === 503).length, 4);
    assert.equal(r.pullRequests.length, 150);
    assert.equal((await h.cached()).pullRequests.length, 150);
  });

  it('malformed JSON in a GraphQL page or the releases list: clear error, cache intact', async () => {
    await warm();
    fake.inject('graphql', { kind: 'malformed' });
    const r = await h.sync();
    assert.equal(r.status.status, 'error');
    assert.match(r.status.message!, /^GitHub returned a malformed response/);
    assert.equal(r.pullRequests.length, 150);
    fake.inject('releases', { kind: 'malformed' });
    const r2 = await h.sync();
    assert.match(r2.status.message!, /^GitHub returned a malformed response: the releases response/);
    assert.equal((await h.cached()).releases.length, 1);
  });

  it('abort through the signal throws an AbortError and is the only thing that throws', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(h.sync({ signal: ac.signal }), (e: Error) => e.name === 'AbortError');
  });

  it('offline: serves the cache as stale without a request', async () => {
    await warm();
    const before = fake.requests();
    const { syncGitHub } = await import('../../../src/core/sources/github/syncGitHub');
    const r = await syncGitHub({ owner: 'o', name: 'r', apiUrl: fake.url, token: async () => fake.token, offline: true, bugLabelPattern: DEFAULT_OPTIONS.bugLabelPattern }, h.dir, {});
    assert.equal(r.status.status, 'stale');
    assert.equal(r.pullRequests.length, 150);
    assert.equal(fake.requests(), before);
  });

  it('releases: pages by Link, then a 304 on re-sync', async () => {
    fake.releases = Array.from({ length: 150 }, (_, i) => release(`v1.${i}.0`, T0 + i * 86400));
    const r = await h.sync();
    assert.equal(r.releases.length, 150);
    assert.equal(fake.requests('releases'), 2);
    const again = await h.sync();
    assert.equal(again.releases.length, 150);
    assert.equal(fake.log.at(-1)!.status, 304);
  });
});
