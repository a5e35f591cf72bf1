/** A little-endian unsigned 32-bit number as 4 bytes (cache headers and CRC-32 fields). */
export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
