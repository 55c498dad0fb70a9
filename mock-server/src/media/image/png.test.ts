import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRgba, lavfiStill } from '../../test-support/ffmpeg.js';
import { ImageDecodeError } from './image-decode-error.js';
import { decodePng } from './png.js';

/** A committed file of `__fixtures__/` (see its README). */
const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const WIDTH = 67; // odd, so rows of sub-byte and 16-bit formats do not end on round boundaries
const HEIGHT = 45;
// testsrc2 gives colour and edges; geq adds an alpha ramp so the alpha formats carry real values
const SOURCE = `testsrc2=size=${WIDTH}x${HEIGHT}:rate=1,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='X*3+Y'`;

function writePng(name: string, pixelFormat: string, extra: string[] = []): string {
  return lavfiStill(SOURCE, ['-pix_fmt', pixelFormat, ...extra], `png-${name}.png`).file;
}

function ffmpegRaw(file: string, pixelFormat: string): Buffer {
  return decodeRgba(file, { pixelFormat });
}

/** Expands ffmpeg's raw output in a format without loss (grey, grey+alpha, 16-bit) to RGBA. */
function expand(raw: Buffer, channels: number, bytesPerSample: number): Uint8Array {
  const pixels = raw.length / (channels * bytesPerSample);
  const rgba = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const s = (c: number): number => raw[(i * channels + c) * bytesPerSample]!; // high byte first (big-endian)
    const rgb = channels <= 2 ? [s(0), s(0), s(0)] : [s(0), s(1), s(2)];
    const alpha = channels === 2 ? s(1) : channels === 4 ? s(3) : 255;
    rgba.set([...rgb, alpha], i * 4);
  }
  return rgba;
}

describe('decodePng (fast-png) against ffmpeg', () => {
  // reference: ffmpeg's own decode, as rgba where that conversion is exact, otherwise in the native
  // format expanded here (swscale may round 16-bit or range-convert grey)
  const cases: Array<[string, string, (file: string) => Uint8Array]> = [
    ['rgb24 (colour type 2)', 'rgb24', (f) => ffmpegRaw(f, 'rgba')],
    ['rgba (colour type 6)', 'rgba', (f) => ffmpegRaw(f, 'rgba')],
    ['pal8 with tRNS (colour type 3)', 'pal8', (f) => ffmpegRaw(f, 'rgba')],
    ['gray (colour type 0)', 'gray', (f) => expand(ffmpegRaw(f, 'gray'), 1, 1)],
    ['ya8 (colour type 4)', 'ya8', (f) => expand(ffmpegRaw(f, 'ya8'), 2, 1)],
    ['gray16be (16-bit grey)', 'gray16be', (f) => expand(ffmpegRaw(f, 'gray16be'), 1, 2)],
    ['rgb48be (16-bit colour)', 'rgb48be', (f) => expand(ffmpegRaw(f, 'rgb48be'), 3, 2)],
    ['rgba64be (16-bit colour + alpha)', 'rgba64be', (f) => expand(ffmpegRaw(f, 'rgba64be'), 4, 2)],
    ['ya16be (16-bit grey + alpha)', 'ya16be', (f) => expand(ffmpegRaw(f, 'ya16be'), 2, 2)],
    ['monob (1-bit grey)', 'monob', (f) => expand(ffmpegRaw(f, 'gray'), 1, 1)],
  ];
  it.each(cases)('%s', (name, pixelFormat, reference) => {
    const file = writePng(name.split(' ')[0]!, pixelFormat);
    const image = decodePng(readFileSync(file));
    expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
    expect(Buffer.compare(Buffer.from(image.rgba), Buffer.from(reference(file)))).toBe(0);
  });

  it.each(cases.filter(([, format]) => ['rgba', 'rgb48be', 'pal8', 'ya8'].includes(format)))(
    'Adam7-interlaced %s (optipng, committed fixture)',
    (_name, pixelFormat, reference) => {
      const file = fixture(`interlaced-${pixelFormat}.png`);
      expect(readFileSync(file)[28]).toBe(1); // IHDR interlace method: Adam7
      const image = decodePng(readFileSync(file));
      expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
      expect(Buffer.compare(Buffer.from(image.rgba), Buffer.from(reference(file)))).toBe(0);
    },
  );

  it.each(['none', 'sub', 'up', 'avg', 'paeth', 'mixed'])('row filter "%s"', (pred) => {
    const file = writePng(`pred-${pred}`, 'rgba', ['-pred', pred]);
    expect(Buffer.compare(Buffer.from(decodePng(readFileSync(file)).rgba), ffmpegRaw(file, 'rgba'))).toBe(0);
  });
});

function chunk(type: string, body: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body, Buffer.alloc(4)]); // CRC left zero: the decoder does not check it
}

function handMadePng(
  width: number,
  height: number,
  depth: number,
  colorType: number,
  rows: number[][],
  extra: Buffer[] = [],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colorType, 0, 0, 0], 8);
  const raw = Buffer.from(rows.flatMap((row) => [0, ...row]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

describe('decodePng on hand-made files', () => {
  it('unpacks 2-bit grey and applies a grey tRNS key', () => {
    // samples 0,1,2,3,3 packed MSB first; tRNS makes sample value 2 transparent
    const png = handMadePng(5, 1, 2, 0, [[0b00011011, 0b11000000]], [chunk('tRNS', Uint8Array.of(0, 2))]);
    const { rgba } = decodePng(png);
    expect([...rgba.filter((_, i) => i % 4 === 0)]).toEqual([0, 85, 170, 255, 255]);
    expect([...rgba.filter((_, i) => i % 4 === 3)]).toEqual([255, 255, 0, 255, 255]);
  });

  it('decodes 4-bit palette images with partial tRNS', () => {
    const plte = chunk('PLTE', Uint8Array.of(10, 20, 30, 40, 50, 60));
    const trns = chunk('tRNS', Uint8Array.of(128));
    const { rgba } = decodePng(handMadePng(3, 1, 4, 3, [[0x01, 0x00]], [plte, trns]));
    expect([...rgba]).toEqual([10, 20, 30, 128, 40, 50, 60, 255, 10, 20, 30, 128]);
  });

  it('fails with typed errors, never a crash', () => {
    const valid = handMadePng(2, 2, 8, 0, [
      [1, 2],
      [3, 4],
    ]);
    const expectCode = (bytes: Uint8Array, code: string, message: RegExp): void => {
      const error = (() => {
        try {
          decodePng(bytes);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ImageDecodeError);
      expect((error as ImageDecodeError).code).toBe(code);
      expect((error as Error).message).toMatch(message);
    };
    // fast-png decodes Adam7 with fewer than 8 bits per sample wrongly: refused, not garbage
    expectCode(readFileSync(fixture('interlaced-monob.png')), 'unsupported-feature', /bit depth 1/);
    expectCode(valid.subarray(0, 40), 'corrupt', /PNG: /);
    expectCode(Buffer.from('not a png'), 'unsupported-format', /not a PNG file/);
    expectCode(handMadePng(2, 1, 8, 3, [[0, 1]]), 'corrupt', /palette|PLTE/);
    expectCode(handMadePng(2, 1, 3, 2, [[0, 1]]), 'corrupt', /bit depth: 3/);
    expectCode(handMadePng(2, 2, 8, 0, [[1, 2]]), 'corrupt', /filter|truncated/); // one row of two
    expectCode(handMadePng(4, 1, 8, 0, [[9, 9, 9, 9]]).fill(7, 41, 47), 'corrupt', /decompress|invalid/i);
    expectCode(handMadePng(100_000, 100_000, 8, 0, []), 'too-large', /exceeds/);
  });
});
