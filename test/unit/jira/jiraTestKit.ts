import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JiraSyncConfig } from '../../../src/core/sources/jira/jiraConfig';
import type { RetryPolicy } from '../../../src/core/sources/jira/retryPolicy';
import type { FakeJira } from '../../kit/fakeJira';

export const EMAIL = 'me@example.com';
export const TOKEN = 'secret-token';

export function configFor(fake: FakeJira, overrides: Partial<JiraSyncConfig> = {}): JiraSyncConfig {
  return {
    url: fake.url,
    project: 'AR',
    boardId: 1,
    ...(fake.opts.variant === 'cloud' ? { email: EMAIL } : {}),
    token: async () => TOKEN,
    ...overrides,
  };
}

/** Retry policy that records the delays it was asked to wait and waits none of them. */
export function recordingRetry(): { policy: Partial<RetryPolicy>; sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, policy: { baseDelayMs: 8, maxDelayMs: 10_000, maxRetries: 3, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) } };
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kpi-jira-'));
}

export async function cacheFileText(dir: string): Promise<string> {
  const files = (await fs.readdir(dir)).filter((f) => f.startsWith('jira-') && f.endsWith('.json'));
  if (files.length !== 1) throw new Error(`expected one jira cache file, found ${files.length}`);
  return fs.readFile(path.join(dir, files[0]!), 'utf8');
}

/** ../shared/peer-data relative to the repository root, or null when this checkout lacks it. */
export async function peerData(file: string): Promise<unknown | null> {
  const p = path.resolve(__dirname, '../../../../shared/peer-data/go-jira', file);
  try {
    return JSON.parse(await fs.readFile(p, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
