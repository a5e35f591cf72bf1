/**
 * Commit positions by hash, as an open-addressing table over the store's raw hash bytes: no
 * string or Map entry per commit, so indexing 100,000 commits costs a few milliseconds and
 * nothing for the garbage collector. Slots hold position + 1 (0 = empty).
 */
export class HashIndex {
  private slots = new Int32Array(1 << 12);
  private size = 0;

  constructor(private readonly hashLength: number, private hashes: () => Buffer) {}

  /** Records that the hash at `pos` (already in the store's bytes) lives there. */
  add(pos: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.place(pos);
    this.size += 1;
  }

  /** The position of a hash given as bytes, or −1. */
  find(hash: Buffer): number {
    const bytes = this.hashes();
    const mask = this.slots.length - 1;
    for (let s = hash.readUInt32BE(0) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      const at = (v - 1) * this.hashLength;
      if (bytes.compare(hash, 0, this.hashLength, at, at + this.hashLength) === 0) return v - 1;
    }
  }

  private place(pos: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes().readUInt32BE(pos * this.hashLength) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = pos + 1;
  }

  private rehash(n: number): void {
    const old = this.slots;
    this.slots = new Int32Array(n);
    for (const v of old) if (v !== 0) this.place(v - 1);
  }
}
