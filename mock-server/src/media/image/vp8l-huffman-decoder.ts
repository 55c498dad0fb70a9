import { ImageDecodeError } from './image-decode-error.js';
import type { Vp8lBitReader } from './vp8l-bit-reader.js';

const TABLE_BITS = 8;
const MAX_LENGTH = 15;

/**
 * A canonical prefix code prepared for decoding: codes up to 8 bits resolve through one table
 * lookup, longer ones bit by bit (counts per length). A code with one symbol reads zero bits.
 */
export class Vp8lHuffmanDecoder {
  private readonly table = new Int32Array(1 << TABLE_BITS).fill(-1);
  private readonly counts = new Uint16Array(MAX_LENGTH + 1);
  private readonly sorted: Uint16Array;
  private readonly single: number;

  /** @throws ImageDecodeError when the lengths do not form a complete prefix code */
  constructor(lengths: ArrayLike<number>) {
    const used: number[] = [];
    for (let symbol = 0; symbol < lengths.length; symbol++) {
      const length = lengths[symbol]!;
      if (length > 0) {
        used.push(symbol);
        this.counts[length]!++;
      }
    }
    this.sorted = new Uint16Array(used.length);
    if (used.length <= 1) {
      this.single = used[0] ?? 0;
      return;
    }
    this.single = -1;
    let room = 1;
    for (let length = 1; length <= MAX_LENGTH; length++) {
      room = 2 * room - this.counts[length]!;
      if (room < 0) throw new ImageDecodeError('corrupt', 'WebP: over-subscribed prefix code');
    }
    if (room !== 0) throw new ImageDecodeError('corrupt', 'WebP: incomplete prefix code');
    used.sort((a, b) => lengths[a]! - lengths[b]! || a - b);
    this.sorted.set(used);
    let code = 0;
    let previousLength = 0;
    for (const symbol of used) {
      const length = lengths[symbol]!;
      code <<= length - previousLength;
      previousLength = length;
      if (length <= TABLE_BITS) {
        let reversed = 0;
        for (let i = 0; i < length; i++) reversed |= ((code >>> i) & 1) << (length - 1 - i);
        for (let fill = reversed; fill < 1 << TABLE_BITS; fill += 1 << length)
          this.table[fill] = (symbol << 4) | length;
      }
      code++;
    }
  }

  /** Decodes one symbol. */
  read(reader: Vp8lBitReader): number {
    if (this.single >= 0) return this.single;
    const bits = reader.peek();
    const entry = this.table[bits & ((1 << TABLE_BITS) - 1)]!;
    if (entry >= 0) {
      reader.skip(entry & 15);
      return entry >>> 4;
    }
    let code = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length <= MAX_LENGTH; length++) {
      code |= (bits >>> (length - 1)) & 1;
      const count = this.counts[length]!;
      if (code - first < count) {
        reader.skip(length);
        return this.sorted[index + code - first]!;
      }
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new ImageDecodeError('corrupt', 'WebP: invalid prefix code');
  }
}
