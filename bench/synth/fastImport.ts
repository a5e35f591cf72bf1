/**
 * A buffered writer for `git fast-import`. The stream runs to about a gigabyte, so it is written
 * in chunks with back-pressure instead of being built in memory. With no repository it only
 * counts bytes (a dry run, to tune the generator's statistics quickly).
 */
import { spawn, type ChildProcess } from 'node:child_process';

const CHUNK = 4 << 20;

export class FastImport {
  private parts: Buffer[] = [];
  private size = 0;
  bytes = 0;
  private nextMark = 1;
  private readonly child: ChildProcess | undefined;
  private readonly exited: Promise<number> | undefined;

  constructor(repoDir: string | undefined) {
    if (repoDir === undefined) return;
    // --big-file-threshold=1 streams every blob straight into the pack: fast-import would only try a
    // delta against the previous blob in the stream, which is another file, so trying costs ~20% of
    // its CPU and saves almost nothing.
    this.child = spawn('git', ['-C', repoDir, 'fast-import', '--quiet', '--done', '--big-file-threshold=1'], { stdio: ['pipe', 'ignore', 'inherit'] });
    this.exited = new Promise((resolve, reject) => {
      this.child?.on('error', reject);
      this.child?.on('exit', (code) => resolve(code ?? 1));
    });
  }

  mark(): number {
    return this.nextMark++;
  }

  write(part: string | Buffer): void {
    const buf = typeof part === 'string' ? Buffer.from(part) : part;
    this.parts.push(buf);
    this.size += buf.length;
    this.bytes += buf.length;
  }

  /** `data` command: exact byte count, then the payload. */
  data(payload: string | Buffer): void {
    const buf = typeof payload === 'string' ? Buffer.from(payload) : payload;
    this.write(`data ${buf.length}\n`);
    this.write(buf);
    this.write('\n');
  }

  blob(content: Buffer): number {
    const mark = this.mark();
    this.write(`blob\nmark :${mark}\n`);
    this.data(content);
    return mark;
  }

  /** Hands the buffered text to git once enough has piled up, waiting when the pipe is full. */
  async flush(force = false): Promise<void> {
    if (!force && this.size < CHUNK) return;
    const chunk = Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    const stdin = this.child?.stdin;
    if (!stdin) return;
    if (!stdin.write(chunk)) await new Promise<void>((resolve) => stdin.once('drain', () => resolve()));
  }

  async finish(): Promise<void> {
    this.write('done\n');
    await this.flush(true);
    this.child?.stdin?.end();
    const code = await this.exited;
    if (code !== undefined && code !== 0) throw new Error(`git fast-import exited with ${code}`);
  }
}

export interface Person {
  name: string;
  email: string;
  tz: string;
}

export function ident(p: Person, epoch: number): string {
  return `${p.name} <${p.email}> ${epoch} ${p.tz}`;
}
