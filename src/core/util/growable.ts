/**
 * Typed arrays that grow by doubling: the commit store appends a column value per commit without
 * a JS array of boxed numbers, and hands out exact-length views for the history walks.
 */
abstract class Growable<A extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  protected data: A;

  constructor(initial: number[] = []) {
    this.data = this.make(Math.max(1024, initial.length));
    for (const v of initial) this.push(v);
  }

  protected abstract make(n: number): A;

  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** Appends a whole column read from disk. */
  pushAll(values: A): void {
    if (this.length + values.length > this.data.length) this.grow(Math.max(this.length + values.length, this.data.length * 2));
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** The filled part, without copying (valid until the next push). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }

  protected grow(n: number): void {
    const bigger = this.make(n);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  protected make(n: number): Int32Array {
    return new Int32Array(n);
  }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  protected make(n: number): Float64Array {
    return new Float64Array(n);
  }
}

/** Bytes (a Buffer, so text decodes straight from it), e.g. the UTF-8 of every commit subject. */
export class GrowableBytes extends Growable<Buffer> {
  protected make(n: number): Buffer {
    return Buffer.alloc(n);
  }

  /** Appends a string's UTF-8. */
  pushString(s: string): void {
    const n = Buffer.byteLength(s);
    if (this.length + n > this.data.length) this.grow(Math.max(this.length + n, this.data.length * 2));
    this.data.write(s, this.length);
    this.length += n;
  }

  /** Appends bytes [start, end) of `src`. */
  pushBytes(src: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.data.length) this.grow(Math.max(this.length + n, this.data.length * 2));
    src.copy(this.data, this.length, start, end);
    this.length += n;
  }

  text(start: number, end: number): string {
    return this.data.toString('utf8', start, end);
  }
}
