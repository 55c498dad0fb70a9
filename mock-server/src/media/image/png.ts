import { type DecodedPng, decode } from 'fast-png';
import { checkImageHeader } from './check-image-header.js';
import { ImageDecodeError } from './image-decode-error.js';
import type { RgbaImage } from './rgba-image.js';

/** Options of {@link decodePng}. */
export interface PngDecodeOptions {
  /** Refuse images with more pixels than this (default 40 million) before inflating anything. */
  maxPixels?: number;
}

const corrupt = (message: string, cause?: unknown): ImageDecodeError =>
  new ImageDecodeError('corrupt', `PNG: ${message}`, cause === undefined ? undefined : { cause });

/**
 * Decodes a PNG to 8-bit RGBA with fast-png (plain JavaScript, zlib by fflate, so it runs in a
 * browser too): colour types 0, 2, 3, 4 and 6 at every depth PNG allows, Adam7 interlacing,
 * PLTE and tRNS (palette alpha, grey and RGB colour keys). 16-bit samples keep their high byte;
 * 1/2/4-bit grey is scaled to 0..255. The one case fast-png decodes wrongly, Adam7 with fewer
 * than 8 bits per sample, is refused as `unsupported-feature`.
 *
 * @throws ImageDecodeError (`unsupported-format`, `unsupported-feature`, `corrupt`, `too-large`)
 * @example
 * const { width, height, rgba } = decodePng(readFileSync('frame.png'));
 */
export function decodePng(bytes: Uint8Array, options: PngDecodeOptions = {}): RgbaImage {
  checkImageHeader(bytes, 'image/png', options.maxPixels);
  const depth = bytes[24] ?? 0;
  if (bytes[28] === 1 && depth < 8) {
    throw new ImageDecodeError(
      'unsupported-feature',
      `PNG: Adam7-interlaced images of bit depth ${depth} are not supported`,
    );
  }
  let png: DecodedPng;
  try {
    png = decode(bytes);
  } catch (error) {
    throw corrupt((error as Error).message, error);
  }
  if (bytes[25] === 3 && png.palette === undefined) throw corrupt('a palette image without a PLTE chunk');
  return toRgba(png);
}

/** One sample per entry (palette index, grey, R, G, B or A) at the file's depth, sub-byte rows unpacked. */
function unpackSamples(png: DecodedPng): ArrayLike<number> {
  const { width, height, depth, channels, data } = png;
  if (depth >= 8) {
    if (data.length !== width * height * channels) throw corrupt('image data is truncated');
    return data;
  }
  const stride = Math.ceil((width * depth) / 8);
  if (data.length < stride * height) throw corrupt('image data is truncated');
  const mask = (1 << depth) - 1;
  const samples = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      samples[y * width + x] = (data[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return samples;
}

function toRgba(png: DecodedPng): RgbaImage {
  const { width, height, depth, channels, palette, transparency } = png;
  const samples = unpackSamples(png);
  const pixels = width * height;
  const rgba = new Uint8Array(pixels * 4);
  if (palette !== undefined) {
    for (let i = 0; i < pixels; i++) {
      const entry = palette[samples[i]!];
      if (entry === undefined) throw corrupt(`palette index ${samples[i]} is outside the PLTE chunk`);
      rgba[i * 4] = entry[0]!;
      rgba[i * 4 + 1] = entry[1]!;
      rgba[i * 4 + 2] = entry[2]!;
      rgba[i * 4 + 3] = entry[3] ?? 255;
    }
    return { width, height, rgba };
  }
  const to8 = depth === 16 ? (v: number) => v >> 8 : (v: number) => (v * 255) / ((1 << depth) - 1);
  const colour = channels >= 3;
  const hasAlpha = channels === 2 || channels === 4;
  const key = transparency !== undefined && !hasAlpha ? transparency : undefined;
  for (let i = 0; i < pixels; i++) {
    const s = i * channels;
    const r = samples[s]!;
    const g = colour ? samples[s + 1]! : r;
    const b = colour ? samples[s + 2]! : r;
    rgba[i * 4] = to8(r);
    rgba[i * 4 + 1] = to8(g);
    rgba[i * 4 + 2] = to8(b);
    if (hasAlpha) rgba[i * 4 + 3] = to8(samples[s + channels - 1]!);
    else if (key === undefined) rgba[i * 4 + 3] = 255;
    else rgba[i * 4 + 3] = r === key[0] && (!colour || (g === key[1] && b === key[2])) ? 0 : 255;
  }
  return { width, height, rgba };
}
