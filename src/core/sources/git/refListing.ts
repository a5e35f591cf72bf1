import { git } from './gitRunner';
import { CANDIDATE_FORMAT, CANDIDATE_PATTERNS, type CandidateRefs } from './repoInfo';
import { isPrHeadFamily, PR_HEAD_PATTERNS, prHeadsOf, type PrHeads } from './prHeads';
import type { TagRef } from './tagList';

/**
 * The refs a report reads before its history, from one for-each-ref: the tags (names and ids, no
 * object opened), the pull request heads, and the refs that name the default branch. Each git
 * process costs a run a few milliseconds of this thread (the fork) and of git's start, and a warm
 * run is mostly such costs. Refs read the same from any folder of the work tree.
 */
export interface RefListing {
  tags: TagRef[];
  prHeads: PrHeads;
  candidates: CandidateRefs;
}

export async function listRefs(repo: string): Promise<RefListing> {
  // The candidates' own format: name, object and symref serve the tags and heads as well.
  const out = await git(repo, ['for-each-ref', CANDIDATE_FORMAT, 'refs/tags', ...PR_HEAD_PATTERNS, ...CANDIDATE_PATTERNS]);
  const tags: TagRef[] = [];
  const prLines: string[] = [];
  const candidates: CandidateRefs = new Map();
  const candidateNames = new Set(CANDIDATE_PATTERNS);
  for (const line of out.split('\n')) {
    const [ref, sha, symref] = line.split('\0') as [string, string | undefined, string | undefined];
    if (!ref || !sha) continue;
    if (ref.startsWith('refs/tags/')) tags.push({ name: ref.slice('refs/tags/'.length), object: sha });
    else if (isPrHeadFamily(ref)) prLines.push(`${ref} ${sha}\n`);
    if (candidateNames.has(ref)) candidates.set(ref, { sha, symref: symref ?? '' });
  }
  // The same text the pull request heads' own listing gives, so its digest is the same too.
  return { tags, prHeads: prHeadsOf(prLines.join('')), candidates };
}
