import { ImageDecodeError } from './image-decode-error.js';

/** LSB-first bit reader over a VP8L bitstream; reading past the end raises a corrupt-data error. */
export class Vp8lBitReader {
  private position = 0;
  private readonly bitLength: number;

  /** @param bytes the VP8L chunk payload */
  constructor(private readonly bytes: Uint8Array) {
    this.bitLength = bytes.length * 8;
  }

  /** Reads `count` bits (0..24), least significant first. */
  readBits(count: number): number {
    if (count === 0) return 0;
    const value = this.peek() & ((1 << count) - 1);
    this.skip(count);
    return value;
  }

  /** The next (up to) 25 bits without consuming them; bits past the end read as zero. */
  peek(): number {
    const i = this.position >>> 3;
    const b = this.bytes;
    const word =
      ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
    return word >>> (this.position & 7);
  }

  /** Consumes `count` already peeked bits. */
  skip(count: number): void {
    this.position += count;
    if (this.position > this.bitLength) {
      throw new ImageDecodeError('corrupt', 'WebP: lossless bitstream ends early');
    }
  }
}
