/**
 * What a commit's subject line says, by the spec's fixed rules: a bug fix (§4, git fallback), a
 * squash-merged PR "(#N)" or a GitHub merge "Merge pull request #N" (§1, git fallback).
 * The git cache stores these facts per commit when it first reads a commit, so a warm run needs
 * no subject at all for most of the history. Changing a rule here means bumping GIT_CACHE_VERSION (gitCacheFiles.ts).
 */
const CONVENTIONAL = /^(fix|bugfix|hotfix)(\(.+\))?!?:/i;
// The whole words of spec §4 (v2): "prefix" or "debugging" are not fixes (\b needs a word edge).
const WORDS = /\b(fix|fixes|fixed|fixing|bug|bugs|bugfix|hotfix)\b/i;
const SQUASH = /\(#(\d+)\)\s*$/;
const MERGE_PR = /^Merge pull request #(\d+)/;

/** The subject alone says "fix" (conventional prefix or a fix word). */
export function subjectMarksFix(subject: string): boolean {
  return CONVENTIONAL.test(subject) || WORDS.test(subject);
}

/** N from a squash subject ending in "(#N)", else −1. */
export function squashPrNumber(subject: string): number {
  const m = SQUASH.exec(subject);
  return m ? Number(m[1]) : -1;
}

/** N from "Merge pull request #N …", else −1. */
export function mergePrNumber(subject: string): number {
  const m = MERGE_PR.exec(subject);
  return m ? Number(m[1]) : -1;
}

/** The facts of every commit, index for index (−1: no PR number; fix: 1 or 0). */
export interface SubjectFacts {
  fix: Uint8Array;
  squashPr: Int32Array;
  mergePr: Int32Array;
}

export function subjectFactsOf(subjects: ArrayLike<string>): SubjectFacts {
  const n = subjects.length;
  const facts: SubjectFacts = { fix: new Uint8Array(n), squashPr: new Int32Array(n), mergePr: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const s = subjects[i]!;
    facts.fix[i] = subjectMarksFix(s) ? 1 : 0;
    facts.squashPr[i] = squashPrNumber(s);
    facts.mergePr[i] = mergePrNumber(s);
  }
  return facts;
}
