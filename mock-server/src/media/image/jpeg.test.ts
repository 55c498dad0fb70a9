import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeRgba, lavfiStill, probeCsv, tempFile } from '../../test-support/ffmpeg.js';
import { meanAbsRgbDifference as meanAbsDifference } from '../../test-support/rgba-difference.js';
import { ImageDecodeError } from './image-decode-error.js';
import { decodeJpeg, encodeJpeg } from './jpeg.js';

function gradient(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const x = i % width;
    const y = Math.floor(i / width);
    rgba.set([(x * 255) / width, (y * 255) / height, 128, 255], i * 4);
  }
  return rgba;
}

describe('encodeJpeg', () => {
  it('writes a JPEG that ffprobe sizes and ffmpeg decodes close to the source', () => {
    const rgba = gradient(250, 130);
    const jpeg = encodeJpeg(rgba, 250, 130);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const file = tempFile(jpeg, 'gradient.jpg');
    expect(probeCsv(file, 'stream=codec_name,width,height')).toBe('mjpeg,250,130');
    const decoded = decodeRgba(file);
    expect(meanAbsDifference(new Uint8Array(decoded), rgba)).toBeLessThan(3);
  });

  it('is deterministic', () => {
    const rgba = gradient(64, 48);
    expect(Buffer.compare(encodeJpeg(rgba, 64, 48), encodeJpeg(rgba.slice(), 64, 48))).toBe(0);
    expect(Buffer.compare(encodeJpeg(rgba, 64, 48, 85), encodeJpeg(rgba, 64, 48, 40))).not.toBe(0);
  });

  it('rejects a buffer that does not match the size', () => {
    expect(() => encodeJpeg(new Uint8Array(10), 2, 2)).toThrow(RangeError);
  });
});

describe('decodeJpeg', () => {
  it('decodes a JPEG written by ffmpeg to the pixels ffmpeg decodes (within IDCT rounding)', () => {
    const { file } = lavfiStill('testsrc2=size=320x180:rate=1', ['-q:v', '2'], 'jpeg-ffmpeg.jpg');
    const image = decodeJpeg(readFileSync(file));
    expect([image.width, image.height]).toEqual([320, 180]);
    const reference = decodeRgba(file);
    expect(meanAbsDifference(image.rgba, new Uint8Array(reference))).toBeLessThan(4);
  });

  it('decodes a progressive JPEG (jpegtran, committed fixture) to the pixels ffmpeg decodes', () => {
    const file = fileURLToPath(new URL('./__fixtures__/progressive.jpg', import.meta.url));
    const image = decodeJpeg(readFileSync(file));
    expect(`${image.width},${image.height}`).toBe(probeCsv(file, 'stream=width,height'));
    expect(meanAbsDifference(image.rgba, new Uint8Array(decodeRgba(file)))).toBeLessThan(4);
  });

  it('turns garbage and truncation into ImageDecodeError', () => {
    const jpeg = encodeJpeg(gradient(32, 32), 32, 32);
    for (const bytes of [
      Buffer.from('nope'),
      jpeg.subarray(0, 40),
      Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0, 2),
    ]) {
      expect(() => decodeJpeg(bytes)).toThrow(ImageDecodeError);
    }
  });

  it('refuses images above the pixel limit as too-large', () => {
    const jpeg = encodeJpeg(gradient(200, 200), 200, 200);
    expect(() => decodeJpeg(jpeg, { maxPixels: 10_000 })).toThrow(
      expect.objectContaining({ code: 'too-large' }),
    );
  });
});
