import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImageInfo } from './image-info.js';
import { sniffImageType } from './sniff.js';

const dir = mkdtempSync(join(tmpdir(), 'image-info-'));

/** Renders one 322x122 frame of a lavfi source with ffmpeg and returns the file bytes. */
function ffmpegImage(name: string, args: string[], pixelFormat = 'rgb24', pattern = 'testsrc2'): Uint8Array {
  const file = join(dir, name);
  const source = `${pattern}${pattern.includes('=') ? ':' : '='}size=322x122:rate=1,format=${pixelFormat}`;
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', source, '-frames:v', '1', ...args, '-y', file]);
  return readFileSync(file);
}

const samples = {
  png: { bytes: () => ffmpegImage('a.png', []), type: 'image/png' },
  jpeg: { bytes: () => ffmpegImage('a.jpg', ['-c:v', 'mjpeg', '-q:v', '3'], 'yuvj420p'), type: 'image/jpeg' },
  'webp lossy (VP8)': {
    bytes: () => ffmpegImage('lossy.webp', ['-c:v', 'libwebp', '-lossless', '0'], 'yuv420p'),
    type: 'image/webp',
  },
  'webp lossless (VP8L)': {
    bytes: () => ffmpegImage('lossless.webp', ['-c:v', 'libwebp', '-lossless', '1']),
    type: 'image/webp',
  },
  'webp lossy with alpha (VP8X)': {
    // libwebp only writes VP8X (+ ALPH) when some pixel is actually translucent
    bytes: () =>
      ffmpegImage('alpha.webp', ['-c:v', 'libwebp', '-lossless', '0'], 'yuva420p', 'color=c=red@0.5'),
    type: 'image/webp',
  },
  gif: { bytes: () => ffmpegImage('a.gif', [], 'rgb8'), type: 'image/gif' },
} as const;

describe('sniffImageType and readImageInfo on files written by ffmpeg', () => {
  for (const [name, sample] of Object.entries(samples)) {
    it(`${name}: type and 322x122`, () => {
      const bytes = sample.bytes();
      expect(sniffImageType(bytes)).toBe(sample.type);
      expect(readImageInfo(bytes)).toEqual({ type: sample.type, width: 322, height: 122 });
      // every truncation either still answers correctly or answers undefined, never throws
      for (let length = 0; length < Math.min(bytes.length, 700); length++) {
        const info = readImageInfo(bytes.subarray(0, length));
        if (info !== undefined) expect(info).toEqual({ type: sample.type, width: 322, height: 122 });
      }
    });
  }

  it('the WebP chunk under test is the one named', () => {
    const chunk = (bytes: Uint8Array): string => Buffer.from(bytes.subarray(12, 16)).toString('latin1');
    expect(chunk(samples['webp lossy (VP8)'].bytes())).toBe('VP8 ');
    expect(chunk(samples['webp lossless (VP8L)'].bytes())).toBe('VP8L');
    expect(chunk(samples['webp lossy with alpha (VP8X)'].bytes())).toBe('VP8X');
  });

  it('reads a JPEG frame header that follows large APPn and DHT segments', () => {
    const jpeg = samples.jpeg.bytes();
    const app = new Uint8Array(4 + 4000);
    app.set([0xff, 0xe1, (4002 >> 8) & 0xff, 4002 & 0xff]);
    const withApp = new Uint8Array([...jpeg.subarray(0, 2), 0xff, 0xff, ...app, ...jpeg.subarray(2)]);
    expect(readImageInfo(withApp)).toEqual({ type: 'image/jpeg', width: 322, height: 122 });
  });
});

describe('garbage input', () => {
  it('rejects non-images and near misses', () => {
    for (const bytes of [
      new Uint8Array(0),
      Uint8Array.from([0xff, 0xd8]),
      Buffer.from('GIF88a.....'),
      Buffer.from('RIFF\0\0\0\0WAVEfmt '),
      Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'),
      Buffer.from('<html><body>not an image</body></html>'),
    ]) {
      expect(readImageInfo(bytes)).toBeUndefined();
    }
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('GIF88a'))).toBeUndefined();
  });

  it('never throws on random bytes, with or without a valid magic prefix (property)', () => {
    const prefixes = [
      [],
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8')],
      [...Buffer.from('GIF89a')],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 80 }), (prefix, tail) => {
        const bytes = Uint8Array.from([...prefix, ...tail]);
        sniffImageType(bytes);
        const info = readImageInfo(bytes);
        if (info !== undefined) {
          expect(info.width).toBeGreaterThan(0);
          expect(info.height).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
