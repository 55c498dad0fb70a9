import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lavfiStill } from '../../test-support/ffmpeg.js';
import { decodeImage } from './decode-image.js';
import { ImageDecodeError } from './image-decode-error.js';
import { encodeJpeg } from './jpeg.js';
import { encodeWebp } from './webp-encoder.js';

/** One frame of `testsrc2` written by ffmpeg with `args` (codec, pixel format) to `name`. */
const ffmpegImage = (name: string, args: string[]): Uint8Array =>
  lavfiStill('testsrc2=size=96x54:rate=1,format=rgba', args, `decode-image-${name}`).bytes;

const ERROR_OF = async (bytes: Uint8Array): Promise<unknown> =>
  decodeImage(bytes).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('decodeImage', () => {
  it('routes JPEG by magic bytes', async () => {
    const rgba = new Uint8Array(16 * 8 * 4).fill(200);
    const image = await decodeImage(encodeJpeg(rgba, 16, 8));
    expect([image.width, image.height]).toEqual([16, 8]);
  });

  it('routes lossless WebP by magic bytes', async () => {
    const rgba = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    expect(await decodeImage(encodeWebp(rgba, 2, 1))).toEqual({ width: 2, height: 1, rgba });
  });

  const formats = [
    ['JPEG', 'in.jpg', ['-pix_fmt', 'yuvj420p']],
    ['PNG', 'in.png', ['-pix_fmt', 'rgba']],
    ['lossy WebP', 'lossy.webp', ['-c:v', 'libwebp', '-lossless', '0']],
    ['lossy WebP with alpha', 'alpha.webp', ['-c:v', 'libwebp', '-lossless', '0', '-pix_fmt', 'yuva420p']],
    ['lossless WebP', 'lossless.webp', ['-c:v', 'libwebp', '-lossless', '1']],
  ] as const;

  it.each(formats)('decodes %s written by ffmpeg at its size', async (_name, file, args) => {
    const image = await decodeImage(ffmpegImage(file, [...args]));
    expect([image.width, image.height, image.rgba.length]).toEqual([96, 54, 96 * 54 * 4]);
  });

  it.each(formats)('turns a truncated or garbled %s into ImageDecodeError', async (_name, file, args) => {
    const bytes = ffmpegImage(`bad-${file}`, [...args]);
    const truncated = bytes.subarray(0, Math.min(48, bytes.length >> 2));
    expect(await ERROR_OF(truncated)).toBeInstanceOf(ImageDecodeError);
    const garbled = Uint8Array.from(bytes);
    garbled.fill(0xff, 40); // everything after the first header bytes
    expect(await ERROR_OF(garbled)).toBeInstanceOf(ImageDecodeError);
  });

  it('names GIF and unknown input in an unsupported-format error', async () => {
    await expect(decodeImage(Buffer.from('GIF89a\x01\x00\x01\x00'))).rejects.toThrow(/image\/gif decoding/);
    await expect(decodeImage(Buffer.from('hello'))).rejects.toThrow(
      expect.objectContaining({ code: 'unsupported-format' }),
    );
  });

  it('throws only ImageDecodeError on random bytes behind valid magic (property)', async () => {
    const prefixes = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8L')],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8X')],
      [],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 200 }),
        async (prefix, tail) => {
          const error = await ERROR_OF(Uint8Array.from([...prefix, ...tail]));
          if (error !== undefined) expect(error).toBeInstanceOf(ImageDecodeError);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
