/**
 * Splits the output of `git cat-file --batch` ("<sha> <type> <size>\n<bytes>\n" per object, or
 * "<sha> missing\n") into objects. Linear in the output: the chunks of one object are kept as a
 * list and joined once, when it is complete (joining on every chunk made a 40 MB file take 15 s).
 */
export class CatFileBatchParser {
  private header: Buffer[] = [];
  private want: { sha: string; size: number } | null = null;
  private parts: Buffer[] = [];
  private have = 0;

  constructor(
    private readonly onObject: (sha: string, body: Buffer) => void,
    private readonly onMissing: (sha: string) => void,
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (!this.want) {
        const nl = chunk.indexOf(10, at);
        if (nl < 0) {
          this.header.push(chunk.subarray(at));
          return;
        }
        const line = (this.header.length ? Buffer.concat([...this.header, chunk.subarray(at, nl)]) : chunk.subarray(at, nl)).toString('latin1');
        this.header = [];
        at = nl + 1;
        const [sha = '', type, size] = line.split(' ');
        if (type === 'missing' || size === undefined) this.onMissing(sha);
        else this.want = { sha, size: Number(size) };
        continue;
      }
      // The body and the LF git writes after it.
      const take = Math.min(this.want.size + 1 - this.have, chunk.length - at);
      this.parts.push(chunk.subarray(at, at + take));
      this.have += take;
      at += take;
      if (this.have === this.want.size + 1) {
        const whole = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.have);
        const { sha, size } = this.want;
        this.want = null;
        this.parts = [];
        this.have = 0;
        this.onObject(sha, whole.subarray(0, size));
      }
    }
  }
}
