import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';
import { ImageDecodeError } from './image-decode-error.js';
import { encodeJpeg } from './jpeg.js';
import { encodeWebp } from './webp-encoder.js';

describe('decodeImage', () => {
  it('routes JPEG by magic bytes', () => {
    const rgba = new Uint8Array(16 * 8 * 4).fill(200);
    const image = decodeImage(encodeJpeg(rgba, 16, 8));
    expect([image.width, image.height]).toEqual([16, 8]);
  });

  it('routes lossless WebP by magic bytes', () => {
    const rgba = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    expect(decodeImage(encodeWebp(rgba, 2, 1))).toEqual({ width: 2, height: 1, rgba });
  });

  it('names GIF and unknown input in an unsupported-format error', () => {
    expect(() => decodeImage(Buffer.from('GIF89a\x01\x00\x01\x00'))).toThrow(/image\/gif decoding/);
    expect(() => decodeImage(Buffer.from('hello'))).toThrow(
      expect.objectContaining({ code: 'unsupported-format' }),
    );
  });

  it('throws only ImageDecodeError on random bytes behind valid magic (property)', () => {
    const prefixes = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8L')],
      [],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 200 }), (prefix, tail) => {
        try {
          decodeImage(Uint8Array.from([...prefix, ...tail]), { maxPixels: 100_000 });
        } catch (error) {
          expect(error).toBeInstanceOf(ImageDecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
