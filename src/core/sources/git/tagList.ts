import * as path from 'node:path';
import { AtomicStore } from '../../cache/atomicStore';
import type { Tag } from '../../model/commit';
import { git } from './gitRunner';

/**
 * Tags with the commit each releases and its date (spec §1 releasedAt): annotated tags by their
 * tagger date, lightweight tags by their commit's committer date.
 *
 * Those answers make git open every tag's object, which is most of a run's git time on a
 * repository with tens of thousands of tags (0.5–1 s for 50,000). An object never changes, so the
 * answer per object id is kept in the cache: a run lists the refs (names and ids only, no object
 * read) and asks git about the ids it has not seen.
 */

const DETAILS = '--format=%(refname:strip=2)%00%(objecttype)%00%(*objectname)%00%(objectname)%00%(taggerdate:unix)%00%(*committerdate:unix)%00%(committerdate:unix)';

/** What a tag object answers: the commit and date it releases, or nothing (a tag of a tree or blob). */
type Answer = { commit: string; date: number } | null;

/** One tag ref (refListing.ts lists them, names and ids only): its name under refs/tags/ and the object it points to. */
export interface TagRef {
  name: string;
  object: string;
}

/** Every tag with all its answers: one for-each-ref that opens every object. */
export async function readTags(repo: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  for (const { name, answer } of parseDetails(await git(repo, ['for-each-ref', DETAILS, 'refs/tags']))) if (answer) tags.push({ name, ...answer });
  return tags;
}

function parseDetails(out: string): Array<{ name: string; object: string; answer: Answer }> {
  const rows: Array<{ name: string; object: string; answer: Answer }> = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name, type, peeled, object, taggerDate, peeledCommitDate, commitDate] = line.split('\0') as [string, string, string, string, string, string, string];
    let answer: Answer = null;
    // An annotated tag of a tree or blob (no peeled commit) is not a release of code.
    if (type === 'tag' && peeled) answer = { commit: peeled, date: Number(taggerDate || peeledCommitDate) };
    else if (type === 'commit') answer = { commit: object, date: Number(commitDate) };
    rows.push({ name, object, answer });
  }
  return rows;
}

/** Past this many unknown tags one pass over all of them is cheaper than naming each on the command line. */
const NAMED_AT_MOST = 500;

/** The cache: one line per object, "object date" (a commit), "object date commit" (an annotated tag) or "object -". */
interface TagObjectCache {
  objects: string;
}

export const TAG_CACHE_VERSION = 1;

/** `readTags`, with the answers of objects earlier runs have seen taken from the cache. */
export async function readTagsCached(repo: string, listing: TagRef[], cacheDir: string): Promise<Tag[]> {
  if (listing.length === 0) return [];
  const store = new AtomicStore<TagObjectCache>(path.join(cacheDir, 'tag-objects.json'), 'tag-objects', TAG_CACHE_VERSION);
  const saved = await store.read();
  const known = saved.ok ? decode(saved.data.objects) : new Map<string, Answer>();
  const unknown = listing.filter((r) => !known.has(r.object));
  if (unknown.length > 0) {
    // Full ref names match exactly (a tag name cannot hold a glob character); a longer name under
    // the same prefix may match too, and its answer is just as true.
    const patterns = unknown.length <= NAMED_AT_MOST ? unknown.map((r) => `refs/tags/${r.name}`) : ['refs/tags'];
    for (const row of parseDetails(await git(repo, ['for-each-ref', DETAILS, ...patterns]))) known.set(row.object, row.answer);
  }
  const tags: Tag[] = [];
  const live = new Map<string, Answer>();
  for (const r of listing) {
    const answer = known.get(r.object);
    // A tag deleted between the two listings has no answer: it is gone.
    if (answer === undefined) continue;
    live.set(r.object, answer);
    if (answer) tags.push({ name: r.name, ...answer });
  }
  // Kept to the objects the repository still has, so the file does not grow with deleted tags.
  if (unknown.length > 0 || live.size !== known.size) await store.write({ objects: encode(live) });
  return tags;
}

function encode(answers: Map<string, Answer>): string {
  const lines: string[] = [];
  for (const [object, a] of answers) lines.push(!a ? `${object} -` : a.commit === object ? `${object} ${a.date}` : `${object} ${a.date} ${a.commit}`);
  return lines.join('\n');
}

function decode(text: string): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const line of text.split('\n')) {
    const [object, date, commit] = line.split(' ');
    if (!object || !date) continue;
    answers.set(object, date === '-' ? null : { commit: commit ?? object, date: Number(date) });
  }
  return answers;
}
