import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { syncGitHub, type GitHubData } from '../../../src/core/sources/github/syncGitHub';
import type { GitHubTuning } from '../../../src/core/sources/github/githubClient';
import { githubCacheStore, type GitHubCacheData } from '../../../src/core/sources/github/githubCache';
import type { FakeGitHub } from '../../kit/fakeGitHub';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

/** Waits in the client become milliseconds-per-second of 1, so a "60 s" wait takes 60 ms. */
export interface Harness {
  dir: string;
  waits: Array<{ seconds: number; reason: string }>;
  sync: (opts?: { token?: string | undefined; name?: string; signal?: AbortSignal; tuning?: GitHubTuning }) => Promise<GitHubData>;
  cached: () => Promise<GitHubCacheData>;
  dispose: () => Promise<void>;
}

export async function harness(fake: FakeGitHub): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-gh-'));
  const waits: Harness['waits'] = [];
  return {
    dir,
    waits,
    sync: (opts = {}) =>
      syncGitHub(
        { owner: fake.owner, name: opts.name ?? fake.name, apiUrl: fake.url, token: async () => ('token' in opts ? opts.token : fake.token), bugLabelPattern: DEFAULT_OPTIONS.bugLabelPattern },
        dir,
        { signal: opts.signal },
        { msPerWaitSecond: 1, retryBaseMs: 1, onWait: (seconds, reason) => waits.push({ seconds, reason }), ...opts.tuning },
      ),
    cached: async () => {
      const r = await githubCacheStore(dir).read();
      if (!r.ok) throw new Error(`cache unreadable: ${r.why}`);
      return r.data;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
