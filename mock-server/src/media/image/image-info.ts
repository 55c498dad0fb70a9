import { type ImageMimeType, sniffImageType } from './sniff.js';

/** Type and pixel dimensions of an image, read from its headers without decoding it. */
export interface ImageInfo {
  /** MIME type from the magic bytes. */
  readonly type: ImageMimeType;
  /** Width in pixels (> 0). */
  readonly width: number;
  /** Height in pixels (> 0). */
  readonly height: number;
}

/**
 * Reads an image's type and dimensions from its headers: PNG IHDR, the first JPEG SOFn frame
 * header, WebP VP8 / VP8L / VP8X chunks, GIF logical screen. Returns undefined for unknown,
 * truncated or inconsistent input; never throws.
 *
 * @example
 * const info = readImageInfo(bytes); // { type: 'image/png', width: 1280, height: 720 }
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const type = sniffImageType(bytes);
  if (type === undefined) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size =
    type === 'image/png'
      ? pngSize(bytes, view)
      : type === 'image/jpeg'
        ? jpegSize(bytes, view)
        : type === 'image/webp'
          ? webpSize(bytes, view)
          : gifSize(bytes, view);
  if (size === undefined || size.width <= 0 || size.height <= 0) return undefined;
  return { type, ...size };
}

interface Size {
  width: number;
  height: number;
}

function fourcc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function pngSize(bytes: Uint8Array, view: DataView): Size | undefined {
  if (bytes.length < 24 || fourcc(bytes, 12) !== 'IHDR' || view.getUint32(8) < 13) return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0x7fffffff || height > 0x7fffffff ? undefined : { width, height };
}

/** SOF0..SOF15 minus DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array, view: DataView): Size | undefined {
  let offset = 2;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    let marker = bytes[offset + 1]!;
    while (marker === 0xff && offset + 2 < bytes.length) marker = bytes[++offset + 1]!; // fill bytes
    offset += 2;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no payload
    if (marker === 0xd9 || marker === 0xda || marker === 0xff) return undefined; // EOI/SOS before a frame
    if (offset + 2 > bytes.length) return undefined;
    const length = view.getUint16(offset);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (length < 7 || offset + 7 > bytes.length) return undefined;
      return { height: view.getUint16(offset + 3), width: view.getUint16(offset + 5) };
    }
    offset += length;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): Size | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = fourcc(bytes, 12);
  if (chunk === 'VP8 ') {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return undefined;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const width = (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)) + 1;
    const height = (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16)) + 1;
    return { width, height };
  }
  return undefined;
}

function gifSize(bytes: Uint8Array, view: DataView): Size | undefined {
  if (bytes.length < 10) return undefined;
  return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
}
