/**
 * An MSB-first bit writer for H.264 RBSP syntax (u(n), ue(v), se(v)) over a reusable,
 * growing byte buffer.
 */
export class BitWriter {
  private buffer: Uint8Array;
  private length = 0;
  private cache = 0;
  private cached = 0;

  /** Starts with `capacity` bytes; the buffer doubles when full. */
  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Forgets everything written, keeping the buffer. */
  reset(): void {
    this.length = 0;
    this.cache = 0;
    this.cached = 0;
  }

  /** True when the next bit starts a byte. */
  get aligned(): boolean {
    return this.cached === 0;
  }

  /** Writes the low `count` bits of `value` (count <= 24). */
  bits(value: number, count: number): void {
    this.cache = ((this.cache << count) | (value & ((1 << count) - 1))) >>> 0;
    this.cached += count;
    while (this.cached >= 8) {
      this.cached -= 8;
      this.pushByte((this.cache >>> this.cached) & 0xff);
    }
    this.cache &= (1 << this.cached) - 1;
  }

  /** Writes a 32-bit unsigned value. */
  u32(value: number): void {
    this.bits(value >>> 16, 16);
    this.bits(value & 0xffff, 16);
  }

  /** Writes one bit. */
  bit(value: boolean | number): void {
    this.bits(value ? 1 : 0, 1);
  }

  /** Unsigned Exp-Golomb. */
  ue(value: number): void {
    const v = value + 1;
    const size = 32 - Math.clz32(v);
    if (size <= 12) {
      this.bits(v, 2 * size - 1);
    } else {
      this.bits(0, size - 1);
      this.bits(v >>> 12, size - 12);
      this.bits(v & 0xfff, 12);
    }
  }

  /** Signed Exp-Golomb. */
  se(value: number): void {
    this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  /** Pads with zero bits to the next byte boundary. */
  alignZero(): void {
    if (this.cached > 0) this.bits(0, 8 - this.cached);
  }

  /** Copies whole bytes; the writer must be aligned. */
  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Writes rbsp_trailing_bits: a one bit, then zeros up to the byte boundary. */
  trailingBits(): void {
    this.bits(1, 1);
    this.alignZero();
  }

  /** The bytes written so far (a view, valid until the next write or reset). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private pushByte(byte: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
