/**
 * A baseline JPEG (JFIF) encoder over full-range YCbCr 4:2:0 planes: the colour space and
 * sampling a JPEG stores, so a still rendered in YUV is coded without an RGBA image in between.
 * Standard (Annex K) quantisation and Huffman tables, the AAN float DCT, and one shortcut: an
 * 8x8 block of one value (most of a flat-colour scene) is coded from its DC term alone, with no
 * DCT. Pure TypeScript, no `node:` imports (it runs in browsers too).
 * @module
 */

/** Full-range YCbCr planes as a JFIF file holds them, chroma subsampled 2x2. */
export interface JfifPlanes {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Luma, `width * height`, stride `width`, 0..255. */
  readonly y: Uint8Array;
  /** Cb, `ceil(width / 2) * ceil(height / 2)`, stride `ceil(width / 2)`, 128 is neutral. */
  readonly cb: Uint8Array;
  /** Cr, same layout as `cb`. */
  readonly cr: Uint8Array;
  /**
   * The samples are BT.601 limited range (luma 16..235, chroma 16..240), as video planes are:
   * each is mapped to full range while it is coded (no converted copy of the planes).
   */
  readonly limitedRange?: boolean;
}

const clamp255 = (value: number): number => Math.max(0, Math.min(255, value));
/** Limited-range (BT.601 16..235) luma -> full-range (0..255) luma. */
const LIMITED_TO_FULL_LUMA = Uint8Array.from({ length: 256 }, (_, v) =>
  clamp255(Math.round(((v - 16) * 255) / 219)),
);
/** Limited-range (16..240) chroma -> full-range chroma, 128 staying neutral. */
const LIMITED_TO_FULL_CHROMA = Uint8Array.from({ length: 256 }, (_, v) =>
  clamp255(Math.round(((v - 128) * 255) / 224 + 128)),
);
/** Full range as it is. */
const IDENTITY = Uint8Array.from({ length: 256 }, (_, v) => v);

/** Quality used for every JPEG the emulator writes (thumbnails, spritesheets). */
export const DEFAULT_JPEG_QUALITY = 85;

/** Zig-zag position -> natural (row-major) index of an 8x8 block. */
const ZIGZAG = Uint8Array.of(
  0,
  1,
  8,
  16,
  9,
  2,
  3,
  10,
  17,
  24,
  32,
  25,
  18,
  11,
  4,
  5,
  12,
  19,
  26,
  33,
  40,
  48,
  41,
  34,
  27,
  20,
  13,
  6,
  7,
  14,
  21,
  28,
  35,
  42,
  49,
  56,
  57,
  50,
  43,
  36,
  29,
  22,
  15,
  23,
  30,
  37,
  44,
  51,
  58,
  59,
  52,
  45,
  38,
  31,
  39,
  46,
  53,
  60,
  61,
  54,
  47,
  55,
  62,
  63,
);

/** Annex K.1 luminance quantisation table, natural order. */
const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
/** Annex K.1 chrominance quantisation table, natural order. */
const CHROMA_QUANT = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  ...new Array<number>(38).fill(99),
];

// Annex K.3 Huffman tables: code counts per length 1..16, then the symbols in code order.
const DC_LUMA = { counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], symbols: range(12) };
const DC_CHROMA = { counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], symbols: range(12) };
const AC_LUMA = {
  counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  symbols: [
    0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22,
    0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33,
    0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34,
    0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55,
    0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76,
    0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5,
    0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4,
    0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1,
    0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
  ],
};
const AC_CHROMA = {
  counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  symbols: [
    0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13,
    0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62,
    0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29,
    0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54,
    0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75,
    0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94,
    0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3,
    0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2,
    0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea,
    0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
  ],
};

/** AAN DCT scale factors per row/column frequency. */
const AAN_SCALE = [1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.5411961, 0.275899379];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

interface HuffmanTable {
  readonly counts: readonly number[];
  readonly symbols: readonly number[];
}

/** Canonical codes of a table: `codes[symbol]`, `lengths[symbol]` (0 = not in the table). */
function huffmanCodes(table: HuffmanTable): { codes: Uint16Array; lengths: Uint8Array } {
  const codes = new Uint16Array(256);
  const lengths = new Uint8Array(256);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (table.counts[length - 1] as number); i++) {
      const symbol = table.symbols[k++] as number;
      codes[symbol] = code++;
      lengths[symbol] = length;
    }
    code <<= 1;
  }
  return { codes, lengths };
}

const CODES = {
  dcLuma: huffmanCodes(DC_LUMA),
  dcChroma: huffmanCodes(DC_CHROMA),
  acLuma: huffmanCodes(AC_LUMA),
  acChroma: huffmanCodes(AC_CHROMA),
};

/** The libjpeg quality scaling of a base table: natural-order table values, 1..255. */
function scaledQuant(base: readonly number[], quality: number): Uint8Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return Uint8Array.from(base, (value) => Math.min(255, Math.max(1, Math.floor((value * scale + 50) / 100))));
}

/** Per-coefficient multipliers that fold the AAN output scaling into the quantisation. */
function aanDivisors(quant: Uint8Array): Float64Array {
  const table = new Float64Array(64);
  for (let row = 0; row < 8; row++)
    for (let col = 0; col < 8; col++)
      table[row * 8 + col] =
        1 / ((quant[row * 8 + col] as number) * (AAN_SCALE[row] as number) * (AAN_SCALE[col] as number) * 8);
  return table;
}

/** Rounds half away from zero, as JPEG quantisers do. */
function roundCoefficient(value: number): number {
  return value > 0 ? (value + 0.5) | 0 : (value - 0.5) | 0;
}

/** In-place AAN 1-D DCT of the 8 values `data[o + k * step]` (outputs unscaled). */
function dct8(data: Float64Array, o: number, step: number): void {
  const d0 = data[o] as number;
  const d1 = data[o + step] as number;
  const d2 = data[o + 2 * step] as number;
  const d3 = data[o + 3 * step] as number;
  const d4 = data[o + 4 * step] as number;
  const d5 = data[o + 5 * step] as number;
  const d6 = data[o + 6 * step] as number;
  const d7 = data[o + 7 * step] as number;
  const tmp0 = d0 + d7;
  const tmp7 = d0 - d7;
  const tmp1 = d1 + d6;
  const tmp6 = d1 - d6;
  const tmp2 = d2 + d5;
  const tmp5 = d2 - d5;
  const tmp3 = d3 + d4;
  const tmp4 = d3 - d4;
  const tmp10 = tmp0 + tmp3;
  const tmp13 = tmp0 - tmp3;
  const tmp11 = tmp1 + tmp2;
  const tmp12 = tmp1 - tmp2;
  data[o] = tmp10 + tmp11;
  data[o + 4 * step] = tmp10 - tmp11;
  const z1 = (tmp12 + tmp13) * Math.SQRT1_2;
  data[o + 2 * step] = tmp13 + z1;
  data[o + 6 * step] = tmp13 - z1;
  const odd10 = tmp4 + tmp5;
  const odd11 = tmp5 + tmp6;
  const odd12 = tmp6 + tmp7;
  const z5 = (odd10 - odd12) * 0.382683433;
  const z2 = 0.5411961 * odd10 + z5;
  const z4 = 1.306562965 * odd12 + z5;
  const z3 = odd11 * Math.SQRT1_2;
  const z11 = tmp7 + z3;
  const z13 = tmp7 - z3;
  data[o + 5 * step] = z13 + z2;
  data[o + 3 * step] = z13 - z2;
  data[o + step] = z11 + z4;
  data[o + 7 * step] = z11 - z4;
}

/** In-place AAN forward DCT of a level-shifted 8x8 block (natural order; outputs unscaled). */
function forwardDct(data: Float64Array): void {
  for (let row = 0; row < 64; row += 8) dct8(data, row, 1);
  for (let column = 0; column < 8; column++) dct8(data, column, 8);
}

/** Entropy-coded segment writer: MSB-first bits with 0xFF byte stuffing, growing as needed. */
class SegmentWriter {
  bytes: Uint8Array;
  length = 0;
  private acc = 0;
  private count = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  raw(values: ArrayLike<number>): void {
    this.reserve(values.length);
    for (let i = 0; i < values.length; i++) this.bytes[this.length++] = values[i] as number;
  }

  /** Writes the low `length` (<= 16) bits of `code`. */
  bits(code: number, length: number): void {
    this.acc = (this.acc << length) | code;
    this.count += length;
    while (this.count >= 8) {
      this.count -= 8;
      const byte = (this.acc >>> this.count) & 0xff;
      if (this.length + 2 > this.bytes.length) this.reserve(2);
      this.bytes[this.length++] = byte;
      if (byte === 0xff) this.bytes[this.length++] = 0;
    }
    this.acc &= (1 << this.count) - 1;
  }

  /** Pads the last byte with 1 bits (as the standard asks). */
  flush(): void {
    if (this.count > 0) this.bits((1 << (8 - this.count)) - 1, 8 - this.count);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** A plane and how blocks read it: size, and the table set of its component. */
interface Component {
  readonly plane: Uint8Array;
  /** The plane as 32-bit words when its rows start on word boundaries (fast flat checks), else null. */
  readonly words: Uint32Array | null;
  /** Sample value -> full-range value. */
  readonly map: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly divisors: Float64Array;
  readonly dc: { codes: Uint16Array; lengths: Uint8Array };
  readonly ac: { codes: Uint16Array; lengths: Uint8Array };
  previousDc: number;
}

/** Writes a value's magnitude category code and its extra bits (JPEG F.1.2.1). */
function writeValue(
  out: SegmentWriter,
  table: { codes: Uint16Array; lengths: Uint8Array },
  run: number,
  value: number,
): void {
  const magnitude = value < 0 ? -value : value;
  const size = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
  const symbol = (run << 4) | size;
  out.bits(table.codes[symbol] as number, table.lengths[symbol] as number);
  if (size > 0) out.bits(value < 0 ? value + (1 << size) - 1 : value, size);
}

/**
 * Codes the 8x8 block at (x0, y0) of a component (samples past the edge repeat the last row and
 * column). `block` and `quantised` are scratch space.
 */
function writeBlock(
  out: SegmentWriter,
  c: Component,
  x0: number,
  y0: number,
  block: Float64Array,
  quantised: Int32Array,
): void {
  const { plane, width, height, map } = c;
  const first = plane[Math.min(y0, height - 1) * width + Math.min(x0, width - 1)] as number;
  const inside = x0 + 8 <= width && y0 + 8 <= height;
  let flat = true;
  // Every row of one value (flat areas, vertical gradients): only the first column of the DCT
  // can be non-zero, so one 1-D transform gives the same coefficients as the whole 2-D one.
  let rowsFlat = false;
  if (inside && c.words !== null) {
    // Two word compares per row: most blocks of a flat-colour picture stop here.
    const words = c.words;
    const repeated = (first * 0x01010101) >>> 0;
    const rowStep = width >> 2;
    for (let r = 0, at = (y0 * width + x0) >> 2; r < 8 && flat; r++, at += rowStep)
      flat = words[at] === repeated && words[at + 1] === repeated;
    if (!flat) {
      rowsFlat = true;
      for (let r = 0, at = (y0 * width + x0) >> 2; r < 8 && rowsFlat; r++, at += rowStep) {
        const word = words[at] as number;
        rowsFlat = words[at + 1] === word && ((word & 0xff) * 0x01010101) >>> 0 === word;
      }
    }
  } else {
    for (let r = 0; r < 8 && flat; r++) {
      const row = Math.min(y0 + r, height - 1) * width;
      for (let i = 0; i < 8; i++)
        if (plane[row + Math.min(x0 + i, width - 1)] !== first) {
          flat = false;
          break;
        }
    }
  }
  if (rowsFlat) {
    block.fill(0);
    for (let r = 0; r < 8; r++)
      block[r * 8] = 8 * ((map[plane[(y0 + r) * width + x0] as number] as number) - 128);
    dct8(block, 0, 8);
  } else if (!flat) {
    for (let r = 0, k = 0; r < 8; r++) {
      const row = Math.min(y0 + r, height - 1) * width;
      if (inside)
        for (let i = 0, p = row + x0; i < 8; i++, k++, p++)
          block[k] = (map[plane[p] as number] as number) - 128;
      else
        for (let i = 0; i < 8; i++, k++)
          block[k] = (map[plane[row + Math.min(x0 + i, width - 1)] as number] as number) - 128;
    }
    forwardDct(block);
  }
  if (flat) {
    // One value: the DCT is 64 * (value - 128) in the DC term and zero elsewhere.
    const dc = roundCoefficient(64 * ((map[first] as number) - 128) * (c.divisors[0] as number));
    writeValue(out, c.dc, 0, dc - c.previousDc);
    c.previousDc = dc;
    out.bits(c.ac.codes[0] as number, c.ac.lengths[0] as number); // EOB
    return;
  }
  for (let k = 0; k < 64; k++)
    quantised[k] = roundCoefficient((block[k] as number) * (c.divisors[k] as number));
  const dc = quantised[0] as number;
  writeValue(out, c.dc, 0, dc - c.previousDc);
  c.previousDc = dc;
  let last = 63;
  while (last > 0 && quantised[ZIGZAG[last] as number] === 0) last--;
  let run = 0;
  for (let z = 1; z <= last; z++) {
    const value = quantised[ZIGZAG[z] as number] as number;
    if (value === 0) {
      run++;
      continue;
    }
    while (run > 15) {
      out.bits(c.ac.codes[0xf0] as number, c.ac.lengths[0xf0] as number); // ZRL: 16 zeros
      run -= 16;
    }
    writeValue(out, c.ac, run, value);
    run = 0;
  }
  if (last < 63) out.bits(c.ac.codes[0] as number, c.ac.lengths[0] as number); // EOB
}

function u16(value: number): [number, number] {
  return [(value >> 8) & 0xff, value & 0xff];
}

function huffmanSegment(tableClass: number, id: number, table: HuffmanTable): number[] {
  return [(tableClass << 4) | id, ...table.counts, ...table.symbols];
}

/**
 * Checks that a JPEG can have this size (integers in 1..65535).
 * @throws RangeError naming the size otherwise
 */
export function checkJpegSize(width: number, height: number): void {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width > 65535 ||
    height > 65535
  )
    throw new RangeError(`JPEG dimensions must be integers in 1..65535, got ${width}x${height}`);
}

/**
 * Encodes YCbCr 4:2:0 planes (full range, or limited with `limitedRange`) as a baseline JFIF JPEG
 * (16x16 MCUs: four luma blocks, one Cb, one Cr). Deterministic: the same planes and quality give
 * the same bytes.
 *
 * @param quality 1..100, libjpeg scaling of the standard tables (default {@link DEFAULT_JPEG_QUALITY})
 * @throws RangeError when the dimensions are outside 1..65535 or a plane has the wrong length
 * @example
 * const jpeg = encodeJpegPlanes({ width: 16, height: 16, y, cb, cr }); // starts with FF D8
 */
export function encodeJpegPlanes(planes: JfifPlanes, quality = DEFAULT_JPEG_QUALITY): Uint8Array {
  const { width, height } = planes;
  checkJpegSize(width, height);
  const chromaWidth = Math.ceil(width / 2);
  const chromaHeight = Math.ceil(height / 2);
  if (planes.y.length !== width * height)
    throw new RangeError(
      `expected ${width * height} luma samples for ${width}x${height}, got ${planes.y.length}`,
    );
  for (const name of ['cb', 'cr'] as const)
    if (planes[name].length !== chromaWidth * chromaHeight)
      throw new RangeError(
        `expected ${chromaWidth * chromaHeight} ${name} samples for ${width}x${height}, got ${planes[name].length}`,
      );
  const lumaQuant = scaledQuant(LUMA_QUANT, quality);
  const chromaQuant = scaledQuant(CHROMA_QUANT, quality);
  const out = new SegmentWriter(4096 + ((width * height) >> 3));
  out.raw([0xff, 0xd8]); // SOI
  out.raw([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]); // APP0 JFIF 1.1
  out.raw([0xff, 0xdb, ...u16(2 + 2 * 65), 0]);
  out.raw(Array.from(ZIGZAG, (natural) => lumaQuant[natural] as number));
  out.raw([1]);
  out.raw(Array.from(ZIGZAG, (natural) => chromaQuant[natural] as number));
  // SOF0: 8-bit, three components; Y sampled 2x2, Cb and Cr 1x1 (4:2:0).
  out.raw([0xff, 0xc0, 0, 17, 8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const dht = [
    ...huffmanSegment(0, 0, DC_LUMA),
    ...huffmanSegment(1, 0, AC_LUMA),
    ...huffmanSegment(0, 1, DC_CHROMA),
    ...huffmanSegment(1, 1, AC_CHROMA),
  ];
  out.raw([0xff, 0xc4, ...u16(2 + dht.length), ...dht]);
  out.raw([0xff, 0xda, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]); // SOS
  const limited = planes.limitedRange === true;
  const wordsOf = (plane: Uint8Array, stride: number): Uint32Array | null =>
    stride % 4 === 0 && plane.byteOffset % 4 === 0
      ? new Uint32Array(plane.buffer, plane.byteOffset, plane.length >> 2)
      : null;
  const luma: Component = {
    plane: planes.y,
    words: wordsOf(planes.y, width),
    map: limited ? LIMITED_TO_FULL_LUMA : IDENTITY,
    width,
    height,
    divisors: aanDivisors(lumaQuant),
    dc: CODES.dcLuma,
    ac: CODES.acLuma,
    previousDc: 0,
  };
  const chromaDivisors = aanDivisors(chromaQuant);
  const cb: Component = {
    plane: planes.cb,
    words: wordsOf(planes.cb, chromaWidth),
    map: limited ? LIMITED_TO_FULL_CHROMA : IDENTITY,
    width: chromaWidth,
    height: chromaHeight,
    divisors: chromaDivisors,
    dc: CODES.dcChroma,
    ac: CODES.acChroma,
    previousDc: 0,
  };
  const cr: Component = { ...cb, plane: planes.cr, words: wordsOf(planes.cr, chromaWidth), previousDc: 0 };
  const block = new Float64Array(64);
  const quantised = new Int32Array(64);
  for (let my = 0; my < height; my += 16) {
    for (let mx = 0; mx < width; mx += 16) {
      writeBlock(out, luma, mx, my, block, quantised);
      writeBlock(out, luma, mx + 8, my, block, quantised);
      writeBlock(out, luma, mx, my + 8, block, quantised);
      writeBlock(out, luma, mx + 8, my + 8, block, quantised);
      writeBlock(out, cb, mx >> 1, my >> 1, block, quantised);
      writeBlock(out, cr, mx >> 1, my >> 1, block, quantised);
    }
  }
  out.flush();
  out.raw([0xff, 0xd9]); // EOI
  return out.bytes.slice(0, out.length);
}
