import { describe, expect, it } from 'vitest';
import { decodeRgba, probeCsv, tempFile } from '../../test-support/ffmpeg.js';
import { i420ToRgba } from '../color.js';
import { createScene, type I420Frame } from '../scene.js';
import { encodeWebp, encodeWebpI420 } from './webp-encoder.js';

function decodeWithFfmpeg(webp: Uint8Array, name: string): Buffer {
  return decodeRgba(tempFile(webp, `${name}.webp`));
}

function probeSize(webp: Uint8Array, name: string): string {
  return probeCsv(tempFile(webp, `${name}-probe.webp`), 'stream=codec_name,width,height', {
    selectStreams: 'v:0',
  });
}

type Pattern = 'gradient' | 'noise' | 'checker-alpha' | 'flat' | `colours-${number}`;

function makeImage(width: number, height: number, pattern: Pattern): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let state = 0x9e3779b9;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
      if (pattern === 'gradient') rgba.set([x & 255, y & 255, (x * y) & 255, 255], p);
      else if (pattern === 'noise') rgba.set([state >>> 24, state >>> 16, state >>> 8, state], p);
      else if (pattern === 'flat') rgba.set([12, 200, 99, 255], p);
      else if (pattern.startsWith('colours-')) {
        // Runs of a few colours, as in a flat-colour scene (colour-indexing path up to 256).
        const colour = ((x >> 2) + y * 7) % Number(pattern.slice(8));
        rgba.set([colour & 255, (colour * 37) & 255, colour >> 8, 255 - (colour % 3)], p);
      } else {
        const on = ((x >> 3) + (y >> 3)) & 1;
        rgba.set([on ? 220 : 20, on ? 110 : 40, on ? 35 : 240, x < width / 2 ? 255 : 90], p);
      }
    }
  }
  return rgba;
}

describe('encodeWebp', () => {
  const cases: Array<[number, number, Pattern]> = [
    [1, 1, 'flat'],
    [2, 3, 'noise'],
    [17, 1, 'gradient'],
    [1, 23, 'gradient'],
    [37, 19, 'gradient'],
    [64, 64, 'noise'],
    [333, 200, 'checker-alpha'],
    [640, 360, 'gradient'],
    [300, 300, 'flat'],
    [13, 9, 'colours-2'],
    [29, 7, 'colours-3'],
    [31, 11, 'colours-16'],
    [45, 33, 'colours-17'],
    [101, 64, 'colours-256'],
    [101, 64, 'colours-257'],
  ];
  it.each(cases)('%ix%i %s decodes losslessly with ffmpeg', (width, height, pattern) => {
    const rgba = makeImage(width, height, pattern);
    const webp = encodeWebp(rgba, width, height);
    const name = `${width}x${height}-${pattern}`;
    expect(Buffer.from(webp.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    expect(Buffer.from(webp.subarray(8, 16)).toString('latin1')).toBe('WEBPVP8L');
    expect(new DataView(webp.buffer, webp.byteOffset).getUint32(4, true)).toBe(webp.length - 8);
    expect(probeSize(webp, name)).toBe(`webp,${width},${height}`);
    expect(Buffer.compare(decodeWithFfmpeg(webp, name), Buffer.from(rgba))).toBe(0);
  });

  it('compresses smooth and flat images far below their raw size', () => {
    expect(encodeWebp(makeImage(300, 300, 'flat'), 300, 300).length).toBeLessThan(200);
    expect(encodeWebp(makeImage(640, 360, 'gradient'), 640, 360).length).toBeLessThan(640 * 360 * 0.2);
  });

  it('is deterministic and sensitive to every pixel', () => {
    const rgba = makeImage(97, 41, 'checker-alpha');
    const first = encodeWebp(rgba, 97, 41);
    expect(Buffer.compare(first, encodeWebp(rgba.slice(), 97, 41))).toBe(0);
    const changed = rgba.slice();
    changed[4001] = changed[4001]! ^ 1;
    expect(Buffer.compare(first, encodeWebp(changed, 97, 41))).not.toBe(0);
  });

  it('rejects impossible dimensions and wrong buffer sizes', () => {
    expect(() => encodeWebp(new Uint8Array(0), 0, 1)).toThrow(RangeError);
    expect(() => encodeWebp(new Uint8Array(4), 16385, 1)).toThrow(/16384/);
    expect(() => encodeWebp(new Uint8Array(7), 1, 2)).toThrow(/expected 8 RGBA bytes/);
  });
});

describe('encodeWebpI420', () => {
  const frameOf = (width: number, height: number, luma: (x: number, y: number) => number): I420Frame => {
    const chroma = Math.ceil(width / 2) * Math.ceil(height / 2);
    const y = new Uint8Array(width * height);
    for (let row = 0; row < height; row++) for (let x = 0; x < width; x++) y[row * width + x] = luma(x, row);
    return { width, height, y, u: new Uint8Array(chroma).fill(128), v: new Uint8Array(chroma).fill(140) };
  };

  it('gives the bytes encodeWebp gives for the RGBA of the frame', () => {
    const cases: Array<[string, I420Frame]> = [
      [
        'scene',
        createScene({ width: 360, height: 640, seconds: 1, seed: 'i420', caption: 'a cat' }).frameAt(0),
      ],
      ['odd size', createScene({ width: 33, height: 17, seconds: 1, seed: 'odd', caption: 'x' }).frameAt(0)],
      // More than 256 colours: the RGBA predictor path.
      ['many colours', frameOf(64, 64, (x, y) => 16 + ((x * 7 + y * 13) % 220))],
      // Luma 0 and 5 both clamp to one RGB: one palette entry, as RGBA indexing gives.
      ['clamped', frameOf(40, 8, (x) => (x % 4 < 2 ? 0 : 5))],
    ];
    for (const [name, frame] of cases) {
      const expected = encodeWebp(i420ToRgba(frame), frame.width, frame.height);
      expect(Buffer.compare(encodeWebpI420(frame), expected), name).toBe(0);
    }
  });
});
