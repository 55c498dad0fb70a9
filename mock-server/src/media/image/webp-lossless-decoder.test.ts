import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRgba } from '../../test-support/ffmpeg.js';
import { ImageDecodeError } from './image-decode-error.js';
import { encodeWebp } from './webp-encoder.js';
import { decodeWebpLossless } from './webp-lossless-decoder.js';

const dir = mkdtempSync(join(tmpdir(), 'webp-decoder-'));

function libwebp(name: string, source: string, args: string[]): { bytes: Uint8Array; rgba: Buffer } {
  const file = join(dir, `${name}.webp`);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    source,
    '-frames:v',
    '1',
    '-c:v',
    'libwebp',
    ...args,
    '-y',
    file,
  ]);
  const rgba = decodeRgba(file);
  return { bytes: readFileSync(file), rgba };
}

describe('decodeWebpLossless on files written by libwebp (via ffmpeg)', () => {
  // libwebp picks predictor, cross-colour, subtract-green, palette (with pixel packing for few colours),
  // colour cache and meta prefix codes depending on content and effort
  const sources = [
    ['testsrc2', 'testsrc2=size=322x122:rate=1,format=rgb24'],
    ['alpha', "testsrc2=size=67x45:rate=1,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='X*3+Y'"],
    ['flat', 'color=c=red:size=33x17:rate=1,format=rgba'],
    ['smptebars', 'smptebars=size=97x31:rate=1,format=rgba'],
    ['mandelbrot', 'mandelbrot=size=160x120:rate=1,format=rgba'],
    ['two-colours', "color=c=black:size=41x9:rate=1,format=rgba,geq=r='255*mod(X,2)':g=0:b=0:a=255"],
  ] as const;
  const efforts = [
    ['fast', ['-lossless', '1', '-compression_level', '0']],
    ['best', ['-lossless', '1', '-compression_level', '6', '-quality', '100']],
  ] as const;
  for (const [name, source] of sources) {
    for (const [effort, args] of efforts) {
      it(`${name}, ${effort}: same pixels as ffmpeg`, () => {
        const { bytes, rgba } = libwebp(`${name}-${effort}`, source, [...args]);
        expect(Buffer.compare(Buffer.from(decodeWebpLossless(bytes).rgba), rgba)).toBe(0);
      });
    }
  }

  it('refuses lossy WebP with unsupported-feature', () => {
    const { bytes } = libwebp('lossy', 'testsrc2=size=64x64:rate=1', ['-lossless', '0']);
    expect(() => decodeWebpLossless(bytes)).toThrow(expect.objectContaining({ code: 'unsupported-feature' }));
  });
});

describe('decodeWebpLossless with our encoder', () => {
  it('round-trips random images exactly (property)', () => {
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
    fc.assert(
      fc.property(image, ({ width, height, pixels, colours }) => {
        const rgba = new Uint8Array(width * height * 4);
        const view = new DataView(rgba.buffer);
        pixels.forEach((p, i) => {
          view.setUint32(i * 4, colours[p]!);
        });
        const decoded = decodeWebpLossless(encodeWebp(rgba, width, height));
        expect([decoded.width, decoded.height]).toEqual([width, height]);
        expect(Buffer.compare(Buffer.from(decoded.rgba), Buffer.from(rgba))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('throws only ImageDecodeError on corrupted streams (property)', () => {
    const valid = encodeWebp(
      new Uint8Array(24 * 24 * 4).map((_, i) => (i * 31) & 255),
      24,
      24,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 21, max: valid.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.nat(valid.length),
        (at, value, cut) => {
          const bytes = valid.slice(0, Math.max(at + 1, cut));
          bytes[at] = value;
          try {
            decodeWebpLossless(bytes, { maxPixels: 100_000 });
          } catch (error) {
            expect(error).toBeInstanceOf(ImageDecodeError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
