/**
 * What 10,000 pull request head refs cost a warm report (spec v2 "Pull request heads": the report
 * lists `refs/pull/N/head` and walks a head only when it is new or moved; issue 12 asks for the
 * number). On three clones of the bench repository that share its objects:
 *
 *   warm without heads   the report with a warm cache and no refs/pull at all
 *   first run with heads 10,000 refs/pull/N/head added (one per squash "(#N)" of the first-parent
 *                        line, the rest for PRs that never merged, as GitHub keeps them all):
 *                        every head is new, so one `git log` reads their commits
 *   warm with heads      the same refs again, loose as `git fetch` writes them: nothing to walk,
 *                        only the refs to list (git reads one file per loose ref)
 *   warm, heads packed   after `git pack-refs --all` (what --fetch-pr-heads does after its fetch,
 *                        and what git gc does): one packed-refs file
 *
 * Each head is two commits on the squash's first parent, authored before the squash (what
 * GitHub's PR branch looks like). The clones are deleted afterwards. BENCH_PR_HEADS=0 skips it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runReport, type ReportRun, type ReportWindow } from '../harness/reportRuns';

export const PR_HEAD_REFS = 10_000;

interface Squash {
  pr: number;
  parent: string;
  authorDate: number;
}

export interface PrHeadsBenchResult {
  refs: number;
  squashHeads: number;
  warmWithout: ReportRun[];
  /** The cold report of the clone with heads (history and every head read). */
  firstWith: ReportRun;
  warmWith: ReportRun[];
  warmPacked: ReportRun[];
  /** The cycle time of a report without and with the heads, to show they were used. */
  cycleTime: { without: unknown; with: unknown };
}

const git = (repo: string, args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

function squashesOnFirstParentLine(repo: string): Squash[] {
  const out = git(repo, ['log', '--first-parent', '--no-merges', '--format=%P%x09%at%x09%s', 'main']);
  const squashes: Squash[] = [];
  for (const line of out.split('\n')) {
    const [parents, at, subject] = line.split('\t');
    const m = /\(#(\d+)\)\s*$/.exec(subject ?? '');
    if (m && parents) squashes.push({ pr: Number(m[1]), parent: parents.split(' ')[0]!, authorDate: Number(at) });
  }
  return squashes;
}

/** Writes the head commits and refs with one `git fast-import`. */
function writeHeads(repo: string, squashes: Squash[], count: number, mainTip: string): Promise<number> {
  const parts: string[] = [];
  // Without `from`, fast-import continues the ref it wrote last in this stream.
  const commit = (ref: string, from: string | null, at: number, msg: string) =>
    parts.push(`commit ${ref}\nauthor Bench Dev <dev@example.com> ${at} +0000\ncommitter Bench Dev <dev@example.com> ${at} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n${from ? `from ${from}\n` : ''}\n`);
  const used = new Set<number>();
  let refs = 0;
  for (const s of squashes) {
    if (refs >= count || used.has(s.pr)) continue;
    used.add(s.pr);
    const ref = `refs/pull/${s.pr}/head`;
    commit(ref, s.parent, s.authorDate - 3 * 86_400, `start #${s.pr}`);
    commit(ref, null, s.authorDate - 86_400, `finish #${s.pr}`);
    refs += 1;
  }
  const squashHeads = refs;
  // PRs that were closed without a merge: heads on the main tip, numbered after the merged ones.
  let pr = Math.max(0, ...used) + 1;
  for (; refs < count; refs++, pr++) commit(`refs/pull/${pr}/head`, mainTip, 1_700_000_000, `unmerged #${pr}`);
  parts.push('done\n');
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(squashHeads) : reject(new Error(`git fast-import exited ${code}`))));
    child.stdin.end(parts.join(''));
  });
}

/** Adds PR_HEAD_REFS heads to the repository; returns how many are heads of squash commits. */
export function addPrHeads(repo: string): Promise<number> {
  return writeHeads(repo, squashesOnFirstParentLine(repo), PR_HEAD_REFS, git(repo, ['rev-parse', 'main']).trim());
}

const cycleTimeOf = (r: ReportRun) => /cycleTime=\S+/.exec(r.summary ?? '')?.[0] ?? r.summary;

/** A clone sharing the repository's objects (no copy of the pack), with its own refs and cache. */
function sharedClone(repo: string, name: string): string {
  const dir = join(dirname(repo), name);
  rmSync(dir, { recursive: true, force: true });
  git(repo, ['clone', '-q', '--shared', repo, dir]);
  git(dir, ['config', 'gc.auto', '0']);
  return dir;
}

/**
 * Three clones of the bench repository: no heads, 10,000 loose heads, the same packed. Their warm
 * runs alternate, so the load of a shared machine falls on all three alike.
 */
export async function prHeadsBench(repo: string, window: ReportWindow, runs: number, log: (s: string) => void): Promise<PrHeadsBenchResult> {
  const plain = sharedClone(repo, 'pr-heads-none');
  const loose = sharedClone(repo, 'pr-heads-loose');
  const packed = sharedClone(repo, 'pr-heads-packed');
  const caches = [plain, loose, packed].map(() => mkdtempSync(join(dirname(repo), 'cache-pr-')));
  try {
    log(`writing ${PR_HEAD_REFS} refs/pull/N/head into two clones`);
    const squashHeads = await addPrHeads(loose);
    await addPrHeads(packed);
    git(packed, ['pack-refs', '--all']);
    log('cold reports of the three clones');
    await runReport(plain, caches[0]!, window);
    const firstWith = await runReport(loose, caches[1]!, window);
    await runReport(packed, caches[2]!, window);
    const warmWithout: ReportRun[] = [];
    const warmWith: ReportRun[] = [];
    const warmPacked: ReportRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`warm reports without, with loose, with packed heads ${i + 1}/${runs}`);
      warmWithout.push(await runReport(plain, caches[0]!, window));
      warmWith.push(await runReport(loose, caches[1]!, window));
      warmPacked.push(await runReport(packed, caches[2]!, window));
    }
    return { refs: PR_HEAD_REFS, squashHeads, warmWithout, firstWith, warmWith, warmPacked, cycleTime: { without: cycleTimeOf(warmWithout[0]!), with: cycleTimeOf(firstWith) } };
  } finally {
    for (const d of [plain, loose, packed, ...caches]) rmSync(d, { recursive: true, force: true });
  }
}

export function prHeadsRows(r: PrHeadsBenchResult): Array<{ name: string; value: string }> {
  const best = (xs: ReportRun[]) => Math.min(...xs.filter((x) => x.ok).map((x) => x.seconds));
  const s = (x: number) => `${x.toFixed(3)} s`;
  const without = best(r.warmWithout);
  const withHeads = best(r.warmWith);
  const packed = best(r.warmPacked);
  const failed = [...r.warmWithout, r.firstWith, ...r.warmWith, ...r.warmPacked].find((x) => !x.ok);
  if (failed) return [{ name: 'failed', value: failed.error ?? '' }];
  return [
    { name: 'warm report, no PR heads', value: `${s(without)} best of ${r.warmWithout.length}` },
    { name: `cold report with ${r.refs} heads (${r.squashHeads} on squashes)`, value: s(r.firstWith.seconds) },
    { name: `warm report, ${r.refs} loose heads`, value: `${s(withHeads)} best of ${r.warmWith.length} (+${s(withHeads - without)}, ${(withHeads / without).toFixed(3)}×)` },
    { name: `warm report, ${r.refs} packed heads`, value: `${s(packed)} best of ${r.warmPacked.length} (+${s(packed - without)}, ${(packed / without).toFixed(3)}×)` },
    { name: 'cycle time without / with heads', value: `${String(r.cycleTime.without)} / ${String(r.cycleTime.with)}` },
  ];
}
