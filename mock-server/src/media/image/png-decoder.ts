import { unzlibSync } from 'fflate';
import { ImageDecodeError } from './image-decode-error.js';
import type { RgbaImage } from './rgba-image.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Options of {@link decodePng}. */
export interface PngDecodeOptions {
  /** Refuse images with more pixels than this (default 40 million) before inflating anything. */
  maxPixels?: number;
}

interface Header {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  interlace: number;
}

interface Chunks {
  header: Header;
  palette?: Uint8Array;
  transparency?: Uint8Array;
  data: Uint8Array;
}

function corrupt(message: string, cause?: unknown): ImageDecodeError {
  return new ImageDecodeError('corrupt', `PNG: ${message}`, cause === undefined ? undefined : { cause });
}

function readChunks(bytes: Uint8Array): Chunks {
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new ImageDecodeError('unsupported-format', 'PNG: missing PNG signature');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const data: Uint8Array[] = [];
  let offset = 8;
  for (;;) {
    if (offset + 8 > bytes.length) throw corrupt('truncated before the IEND chunk');
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (length > bytes.length - start - 4)
      throw corrupt(`chunk ${JSON.stringify(type)} runs past the end of the file`);
    const body = bytes.subarray(start, start + length);
    offset = start + length + 4; // skip the CRC
    if (header === undefined && type !== 'IHDR') throw corrupt('the first chunk is not IHDR');
    if (type === 'IHDR') {
      if (length < 13) throw corrupt('IHDR is shorter than 13 bytes');
      header = {
        width: view.getUint32(start),
        height: view.getUint32(start + 4),
        depth: body[8]!,
        colorType: body[9]!,
        interlace: body[12]!,
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
  }
  if (header === undefined) throw corrupt('no IHDR chunk');
  return { header, palette, transparency, data: concat(data) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function validate(header: Header, palette: Uint8Array | undefined, maxPixels: number): void {
  const { width, height, depth, colorType, interlace } = header;
  if (width === 0 || height === 0) throw corrupt(`invalid size ${width}x${height}`);
  if (width * height > maxPixels) {
    throw new ImageDecodeError(
      'too-large',
      `PNG: ${width}x${height} exceeds the limit of ${maxPixels} pixels`,
    );
  }
  const depths = ALLOWED_DEPTHS[colorType];
  if (depths === undefined) throw corrupt(`unknown colour type ${colorType}`);
  if (!depths.includes(depth))
    throw corrupt(`bit depth ${depth} is not allowed for colour type ${colorType}`);
  if (interlace === 1) {
    throw new ImageDecodeError('unsupported-feature', 'PNG: interlaced (Adam7) images are not supported');
  }
  if (interlace !== 0) throw corrupt(`unknown interlace method ${interlace}`);
  if (colorType === 3 && (palette === undefined || palette.length < 3))
    throw corrupt('palette image without PLTE');
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the five PNG row filters in place; returns the unfiltered rows without filter bytes. */
function unfilter(raw: Uint8Array, height: number, rowBytes: number, pixelBytes: number): Uint8Array {
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    const prior = row - rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const left = x >= pixelBytes ? out[row + x - pixelBytes]! : 0;
      const up = y > 0 ? out[prior + x]! : 0;
      const upLeft = y > 0 && x >= pixelBytes ? out[prior + x - pixelBytes]! : 0;
      const value = raw[src + x]!;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else throw corrupt(`unknown filter type ${filter} on row ${y}`);
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function toRgba(rows: Uint8Array, chunks: Chunks, rowBytes: number): Uint8Array {
  const { width, height, depth, colorType } = chunks.header;
  const { palette, transparency } = chunks;
  const channels = CHANNELS[colorType]!;
  const rgba = new Uint8Array(width * height * 4);
  const maxSample = (1 << depth) - 1;
  // raw sample n of a row: 16-bit samples are read whole, sub-byte samples are unpacked MSB first
  const sample = (row: number, n: number): number => {
    if (depth === 8) return rows[row + n]!;
    if (depth === 16) return (rows[row + 2 * n]! << 8) | rows[row + 2 * n + 1]!;
    const bit = n * depth;
    return (rows[row + (bit >> 3)]! >> (8 - depth - (bit & 7))) & maxSample;
  };
  const to8 = (value: number): number =>
    depth === 16 ? value >> 8 : depth === 8 ? value : Math.round((value * 255) / maxSample);
  const tv =
    transparency === undefined
      ? undefined
      : new DataView(transparency.buffer, transparency.byteOffset, transparency.byteLength);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      const first = sample(row, x * channels);
      if (colorType === 3) {
        if (3 * first + 2 >= palette!.length) throw corrupt(`palette index ${first} out of range`);
        rgba[out] = palette![3 * first]!;
        rgba[out + 1] = palette![3 * first + 1]!;
        rgba[out + 2] = palette![3 * first + 2]!;
        rgba[out + 3] =
          transparency !== undefined && first < transparency.length ? transparency[first]! : 255;
      } else if (colorType === 0 || colorType === 4) {
        const grey = to8(first);
        rgba[out] = grey;
        rgba[out + 1] = grey;
        rgba[out + 2] = grey;
        if (colorType === 4) rgba[out + 3] = to8(sample(row, x * channels + 1));
        else rgba[out + 3] = tv !== undefined && tv.byteLength >= 2 && tv.getUint16(0) === first ? 0 : 255;
      } else {
        const green = sample(row, x * channels + 1);
        const blue = sample(row, x * channels + 2);
        rgba[out] = to8(first);
        rgba[out + 1] = to8(green);
        rgba[out + 2] = to8(blue);
        if (colorType === 6) rgba[out + 3] = to8(sample(row, x * channels + 3));
        else {
          const keyed =
            tv !== undefined &&
            tv.byteLength >= 6 &&
            tv.getUint16(0) === first &&
            tv.getUint16(2) === green &&
            tv.getUint16(4) === blue;
          rgba[out + 3] = keyed ? 0 : 255;
        }
      }
    }
  }
  return rgba;
}

/**
 * Decodes a non-interlaced PNG of any colour type and bit depth to 8-bit RGBA (16-bit samples keep
 * their high byte; sub-byte grey is scaled to 0..255; PLTE/tRNS honoured). CRCs are not checked.
 *
 * @throws ImageDecodeError for anything that is not a decodable PNG
 * @example
 * const { width, height, rgba } = decodePng(readFileSync('frame.png'));
 */
export function decodePng(bytes: Uint8Array, options: PngDecodeOptions = {}): RgbaImage {
  const chunks = readChunks(bytes);
  const { width, height, depth, colorType } = chunks.header;
  validate(chunks.header, chunks.palette, options.maxPixels ?? 40_000_000);
  const bitsPerPixel = CHANNELS[colorType]! * depth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const expected = height * (rowBytes + 1);
  let raw: Uint8Array;
  try {
    // Inflated into a buffer of the expected size (fflate, no node:zlib: this runs in browsers
    // too); a stream that inflates to more is cut there, so memory stays bounded.
    raw = unzlibSync(chunks.data, { out: new Uint8Array(expected) });
  } catch (error) {
    throw corrupt(`image data does not inflate (${(error as Error).message})`, error);
  }
  if (raw.length < expected) throw corrupt(`image data holds ${raw.length} bytes, ${expected} expected`);
  const rows = unfilter(raw, height, rowBytes, Math.max(1, bitsPerPixel >> 3));
  return { width, height, rgba: toRgba(rows, chunks, rowBytes) };
}
