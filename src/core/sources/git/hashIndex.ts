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
    if ((this.size + 1) * 2 > this.slots.length) this.reserve(this.size + 1);
    this.place(pos);
    this.size += 1;
  }

  /** Sizes the table for `n` hashes at most half full, so loading a cache never rehashes twice. */
  reserve(n: number): void {
    let size = this.slots.length;
    while (size < n * 2) size *= 2;
    if (size !== this.slots.length) this.rehash(size);
  }

  /** The position of a hash given as bytes, or −1. */
  find(hash: Buffer): number {
    const bytes = this.hashes();
    const mask = this.slots.length - 1;
    for (let s = slotOf(hash, 0) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      const at = (v - 1) * this.hashLength;
      if (bytes.compare(hash, 0, this.hashLength, at, at + this.hashLength) === 0) return v - 1;
    }
  }

  private place(pos: number): void {
    const mask = this.slots.length - 1;
    let s = slotOf(this.hashes(), pos * this.hashLength) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = pos + 1;
  }

  private rehash(n: number): void {
    const old = this.slots;
    this.slots = new Int32Array(n);
    for (const v of old) if (v !== 0) this.place(v - 1);
  }
}

/** Hash bytes are uniformly random: their first four bytes are already a good slot number. */
function slotOf(b: Buffer, at: number): number {
  return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
}
