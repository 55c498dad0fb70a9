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

  it('names WebP and unknown input in an unsupported-format error', () => {
    const webp = encodeWebp(new Uint8Array(4).fill(9), 1, 1);
    expect(() => decodeImage(webp)).toThrow(/image\/webp decoding/);
    expect(() => decodeImage(Buffer.from('hello'))).toThrow(
      expect.objectContaining({ code: 'unsupported-format' }),
    );
  });

  it('throws only ImageDecodeError on random bytes behind valid magic (property)', () => {
    const prefixes = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], []];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 200 }), (prefix, tail) => {
        try {
          decodeImage(Uint8Array.from([...prefix, ...tail]));
        } catch (error) {
          expect(error).toBeInstanceOf(ImageDecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
