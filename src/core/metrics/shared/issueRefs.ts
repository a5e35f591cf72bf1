const JIRA_KEY = /\b([A-Z][A-Z0-9_]+-\d+)\b/g;
const HASH_REF = /#(\d+)\b/g;

/** The Jira keys ("ABC-123") and #numbers a commit subject names: how a commit is tied to the issue it fixes. */
export function referencedJiraKeys(text: string): string[] {
  return [...text.matchAll(JIRA_KEY)].map((m) => m[1]!);
}

export function referencedNumbers(text: string): number[] {
  return [...text.matchAll(HASH_REF)].map((m) => Number(m[1]));
}
