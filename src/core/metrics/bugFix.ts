import type { Commit } from '../model/commit';
import { subjectMarksFix } from '../model/commitSubject';

const JIRA_KEY = /\b([A-Z][A-Z0-9_]+-\d+)\b/g;
const HASH_REF = /#(\d+)\b/g;

/** Keys and numbers of known defects, so that "ABC-123" or "#45" in a subject marks a fix. */
export interface DefectRefs {
  jiraKeys?: Set<string>;
  githubNumbers?: Set<number>;
}

export function referencedJiraKeys(text: string): string[] {
  return [...text.matchAll(JIRA_KEY)].map((m) => m[1]!);
}

export function referencedNumbers(text: string): number[] {
  return [...text.matchAll(HASH_REF)].map((m) => Number(m[1]));
}

/** Spec §4: a non-merge commit whose subject says it fixes something, or references a known defect. */
export function isBugFix(c: Commit, refs: DefectRefs = {}): boolean {
  if (c.parents.length > 1) return false;
  const s = c.subject;
  if (subjectMarksFix(s)) return true;
  if (refs.jiraKeys?.size && referencedJiraKeys(s).some((k) => refs.jiraKeys!.has(k))) return true;
  if (refs.githubNumbers?.size && referencedNumbers(s).some((n) => refs.githubNumbers!.has(n))) return true;
  return false;
}
