import { PassThrough } from 'node:stream';
import type { FileChange } from '../../model/commit';
import { gitSync, streamGit } from './gitRunner';
import { FILES_ARGS, FileListParser } from './logParser';
import type { CommitStore } from './commitStore';

/** Hashes are handed to git in batches of about this many bytes: one write per commit costs more than git's work on it. */
const BATCH_BYTES = 16 * 1024;

export interface FileListReader {
  /** Asks for a commit's files (the commit is in the store); git starts on the first ask. */
  want(hash: string): void;
  /** No more asks: settles once git has answered every one (the store holds them). */
  done(): Promise<void>;
  readonly asked: number;
}

/**
 * The file-list pass: one `git diff-tree --stdin` that lists the files of the commits asked for,
 * while they are still being asked (the metadata pass asks as it parses, so both run at once).
 */
export function fileListReader(top: string, store: CommitStore, signal: AbortSignal | undefined): FileListReader {
  let input: PassThrough | undefined;
  let run: Promise<void> | undefined;
  let batch = '';
  let asked = 0;
  let finished: Promise<void> | undefined;
  const start = () => {
    input = new PassThrough();
    const parser = new FileListParser((r) => store.setFiles(store.indexOf(r.hash), r.files));
    run = streamGit(top, FILES_ARGS, (chunk) => parser.push(chunk), { stdin: input, signal }).then(() => parser.end());
    // Seen by done(); until then a failure must not count as unhandled.
    run.catch(() => undefined);
  };
  return {
    get asked() {
      return asked;
    },
    want(hash) {
      if (finished) throw new Error('file list asked for after the pass ended');
      if (!run) start();
      asked += 1;
      batch += `${hash}\n`;
      if (batch.length >= BATCH_BYTES) {
        input!.write(batch);
        batch = '';
      }
    },
    done() {
      if (!run) return Promise.resolve();
      if (!finished) {
        input!.end(batch);
        batch = '';
        finished = run;
      }
      return finished;
    },
  };
}

/** One commit's files, at once (CommitStore.lateReader): a report touched a commit no one loaded ahead. */
export function readFilesNow(top: string, hash: string): FileChange[] {
  let files: FileChange[] = [];
  const parser = new FileListParser((r) => {
    if (r.hash === hash) files = r.files;
  });
  parser.push(gitSync(top, FILES_ARGS, `${hash}\n`));
  parser.end();
  return files;
}
