import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRgba, lavfiStill } from '../../test-support/ffmpeg.js';
import { ImageDecodeError } from './image-decode-error.js';
import { decodeWebp } from './webp.js';
import { encodeWebp } from './webp-encoder.js';

/** A WebP written by libwebp through ffmpeg, and ffmpeg's own decode of it (its native VP8/VP8L decoder). */
function libwebp(name: string, source: string, args: string[]): { bytes: Uint8Array; rgba: Buffer } {
  const { file, bytes } = lavfiStill(source, ['-c:v', 'libwebp', ...args], `webp-${name}.webp`);
  return { bytes, rgba: decodeRgba(file) };
}

/**
 * Mean and largest absolute difference per sample (`alpha`: of the alpha channel, else of R, G
 * and B), and the share of samples more than 32 apart.
 */
function difference(
  a: Uint8Array,
  b: Uint8Array,
  alpha = false,
): { mean: number; max: number; outliers: number } {
  let sum = 0;
  let max = 0;
  let count = 0;
  let far = 0;
  for (let i = alpha ? 3 : 0; i < a.length; i += alpha ? 4 : 1) {
    if (!alpha && i % 4 === 3) continue;
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    max = Math.max(max, d);
    if (d > 32) far++;
    count++;
  }
  return { mean: sum / count, max, outliers: far / count };
}

const ALPHA_RAMP = "format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='X*3+Y'";

describe('decodeWebp (libwebp as WebAssembly) on files written by libwebp', () => {
  // lossless: libwebp picks predictor, cross-colour, subtract-green, palette (with pixel packing),
  // colour cache and meta prefix codes depending on content and effort; the pixels are exact
  const sources = [
    ['testsrc2', 'testsrc2=size=322x122:rate=1,format=rgb24'],
    ['alpha', `testsrc2=size=67x45:rate=1,${ALPHA_RAMP}`],
    ['flat', 'color=c=red:size=33x17:rate=1,format=rgba'],
    ['smptebars', 'smptebars=size=97x31:rate=1,format=rgba'],
    ['mandelbrot', 'mandelbrot=size=160x120:rate=1,format=rgba'],
  ] as const;
  const efforts = [
    ['fast', ['-lossless', '1', '-compression_level', '0']],
    ['best', ['-lossless', '1', '-compression_level', '6', '-quality', '100']],
  ] as const;
  for (const [name, source] of sources) {
    for (const [effort, args] of efforts) {
      it(`lossless ${name}, ${effort}: the same pixels as ffmpeg`, async () => {
        const { bytes, rgba } = libwebp(`${name}-${effort}`, source, [...args]);
        expect(Buffer.compare(Buffer.from((await decodeWebp(bytes)).rgba), rgba)).toBe(0);
      });
    }
  }

  // lossy: both decoders read the same VP8 data; they differ only in chroma upsampling and
  // YUV->RGB rounding (libwebp's "fancy" upsampler vs swscale), so the pixels are close, not equal
  it.each([
    ['testsrc2 1280x720', 'testsrc2=size=1280x720:rate=1', 1280, 720],
    ['odd size 67x45', 'testsrc2=size=67x45:rate=1,format=rgb24', 67, 45],
    ['mandelbrot', 'mandelbrot=size=160x120:rate=1', 160, 120],
  ])('lossy (VP8) %s: the size and pixels close to ffmpeg', async (_name, source, width, height) => {
    const { bytes, rgba } = libwebp(`lossy-${width}`, source, ['-lossless', '0', '-quality', '80']);
    expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('VP8 ');
    const image = await decodeWebp(bytes);
    expect([image.width, image.height]).toEqual([width, height]);
    const { mean, outliers } = difference(image.rgba, rgba);
    // a wrong decode (another image, swapped channels, misplaced rows) is 40+ apart on average
    expect(mean).toBeLessThan(7);
    expect(outliers).toBeLessThan(0.05);
    expect(difference(image.rgba, rgba, true).max).toBe(0); // opaque
  });

  it('lossy with alpha (VP8X + ALPH + VP8): colour close to ffmpeg, alpha exact', async () => {
    const { bytes, rgba } = libwebp('lossy-alpha', `testsrc2=size=67x45:rate=1,${ALPHA_RAMP}`, [
      '-lossless',
      '0',
      '-quality',
      '90',
    ]);
    expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('VP8X');
    expect(Buffer.from(bytes).includes('ALPH')).toBe(true);
    const image = await decodeWebp(bytes);
    expect([image.width, image.height]).toEqual([67, 45]);
    expect(difference(image.rgba, rgba, true).max).toBe(0);
    // colour under alpha 0 is not kept by lossy+alpha encoders: compare the opaque-enough pixels
    const opaque = (image: Uint8Array) => image.filter((_, i) => rgba[(i & ~3) + 3]! >= 128);
    const colour = difference(opaque(image.rgba), opaque(rgba));
    expect(colour.mean).toBeLessThan(10);
    expect(colour.outliers).toBeLessThan(0.08);
  });

  it('refuses what is not a WebP, a truncated or corrupt stream and an oversized header with ImageDecodeError', async () => {
    const { bytes } = libwebp('errors', 'testsrc2=size=64x64:rate=1', ['-lossless', '0']);
    const code = async (input: Uint8Array, options = {}) => {
      const error = await decodeWebp(input, options).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ImageDecodeError);
      return (error as ImageDecodeError).code;
    };
    expect(await code(Buffer.from('not a webp at all, not even RIFF'))).toBe('unsupported-format');
    expect(await code(bytes.subarray(0, 40))).toBe('corrupt');
    const garbled = Uint8Array.from(bytes); // a copy (Buffer#slice is a view)
    garbled.fill(0xff, 30, 60); // the VP8 frame header and first partition
    expect(await code(garbled)).toBe('corrupt');
    expect(await code(bytes, { maxPixels: 1000 })).toBe('too-large');
    // the decoder is still sound afterwards
    expect((await decodeWebp(bytes)).width).toBe(64);
  });
});

describe('decodeWebp with our encoder', () => {
  it('round-trips random images exactly (property; also checks webp-encoder against libwebp)', async () => {
    const image = fc
      .record({
        width: fc.integer({ min: 1, max: 40 }),
        height: fc.integer({ min: 1, max: 40 }),
        palette: fc.integer({ min: 1, max: 300 }),
      })
      .chain(({ width, height, palette }) =>
        fc.record({
          width: fc.constant(width),
          height: fc.constant(height),
          // a limited palette of random colours makes runs and repeats, so backward references get exercised
          pixels: fc.array(fc.integer({ min: 0, max: palette - 1 }), {
            minLength: width * height,
            maxLength: width * height,
          }),
          colours: fc.array(fc.integer({ min: 0, max: 0xffffffff }), {
            minLength: palette,
            maxLength: palette,
          }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(image, async ({ width, height, pixels, colours }) => {
        const rgba = new Uint8Array(width * height * 4);
        const view = new DataView(rgba.buffer);
        pixels.forEach((p, i) => {
          view.setUint32(i * 4, colours[p]!);
        });
        const decoded = await decodeWebp(encodeWebp(rgba, width, height));
        expect([decoded.width, decoded.height]).toEqual([width, height]);
        expect(Buffer.compare(Buffer.from(decoded.rgba), Buffer.from(rgba))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('throws only ImageDecodeError on corrupted streams, and keeps decoding afterwards (property)', async () => {
    const pixels = new Uint8Array(24 * 24 * 4).map((_, i) => (i * 31) & 255);
    const valid = encodeWebp(pixels, 24, 24);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 21, max: valid.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.nat(valid.length),
        async (at, value, cut) => {
          const bytes = valid.slice(0, Math.max(at + 1, cut));
          bytes[at] = value;
          await decodeWebp(bytes, { maxPixels: 100_000 }).catch((error: unknown) => {
            expect(error).toBeInstanceOf(ImageDecodeError);
          });
        },
      ),
      { numRuns: 2000 },
    );
    expect(Buffer.compare(Buffer.from((await decodeWebp(valid)).rgba), Buffer.from(pixels))).toBe(0);
  });
});
