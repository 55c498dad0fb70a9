/**
 * Little-endian, least-significant-bit-first bit writer used by the VP8L encoder.
 * The buffer grows by doubling, so callers never size it up front.
 */
export class Vp8lBitWriter {
  private buffer: Uint8Array;
  private length = 0;
  private accumulator = 0;
  private accumulatedBits = 0;

  /** @param initialCapacity first buffer size in bytes (grows as needed) */
  constructor(initialCapacity = 4096) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
  }

  /** Appends the low `bitCount` bits of `value` (at most 24 bits per call), LSB first. */
  writeBits(value: number, bitCount: number): void {
    if (bitCount === 0) return;
    this.accumulator |= (value & ((1 << bitCount) - 1)) << this.accumulatedBits;
    this.accumulatedBits += bitCount;
    while (this.accumulatedBits >= 8) {
      this.pushByte(this.accumulator & 0xff);
      this.accumulator >>>= 8;
      this.accumulatedBits -= 8;
    }
  }

  /** Pads the last partial byte with zero bits and returns the written bytes. */
  finish(): Uint8Array {
    if (this.accumulatedBits > 0) {
      this.pushByte(this.accumulator & 0xff);
      this.accumulator = 0;
      this.accumulatedBits = 0;
    }
    return this.buffer.subarray(0, this.length);
  }

  private pushByte(byte: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }
}
