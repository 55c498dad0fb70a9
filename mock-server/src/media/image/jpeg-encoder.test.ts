import { describe, expect, it } from 'vitest';
import { decodeRgba, probeCsv, tempFile } from '../../test-support/ffmpeg.js';
import { meanAbsRgbDifference as meanAbsDifference } from '../../test-support/rgba-difference.js';
import { i420ToRgba } from '../color.js';
import { createScene } from '../scene.js';
import { i420ToJfifPlanes, rgbaToJfifPlanes } from './jfif-planes.js';
import { encodeJpegPlanes, type JfifPlanes } from './jpeg-encoder.js';

function flatPlanes(width: number, height: number, y: number, cb: number, cr: number): JfifPlanes {
  const chroma = Math.ceil(width / 2) * Math.ceil(height / 2);
  return {
    width,
    height,
    y: new Uint8Array(width * height).fill(y),
    cb: new Uint8Array(chroma).fill(cb),
    cr: new Uint8Array(chroma).fill(cr),
  };
}

describe('encodeJpegPlanes', () => {
  it('codes a scene frame as 4:2:0 baseline JPEG that ffmpeg decodes close to the frame', () => {
    const frame = createScene({
      width: 320,
      height: 180,
      seconds: 1,
      seed: 'jpeg',
      caption: 'a red fox',
    }).frameAt(0);
    const jpeg = encodeJpegPlanes(i420ToJfifPlanes(frame));
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const file = tempFile(jpeg, 'scene.jpg');
    expect(probeCsv(file, 'stream=codec_name,width,height,pix_fmt')).toBe('mjpeg,320,180,yuvj420p');
    const decoded = decodeRgba(file, { width: 320, height: 180 });
    expect(meanAbsDifference(new Uint8Array(decoded), i420ToRgba(frame))).toBeLessThan(3);
  });

  it('codes flat blocks to their exact colour, at sizes that are not whole MCUs', () => {
    for (const [width, height] of [
      [1, 1],
      [17, 9],
      [33, 31],
    ] as const) {
      const file = tempFile(encodeJpegPlanes(flatPlanes(width, height, 200, 100, 150)), `flat-${width}.jpg`);
      expect(probeCsv(file, 'stream=width,height')).toBe(`${width},${height}`);
      const decoded = decodeRgba(file, { width, height });
      // Y 200, Cb 100, Cr 150 in full range: R = 230.8, G = 194.2, B = 150.4.
      for (let i = 0; i < width * height; i++) {
        expect(Math.abs(decoded[i * 4]! - 231)).toBeLessThanOrEqual(1);
        expect(Math.abs(decoded[i * 4 + 1]! - 194)).toBeLessThanOrEqual(1);
        expect(Math.abs(decoded[i * 4 + 2]! - 150)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps detail: a noise image decodes close at quality 95 and worse at 10', () => {
    const width = 64;
    const height = 48;
    const rgba = new Uint8Array(width * height * 4);
    let state = 7;
    for (let i = 0; i < width * height; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const grey = ((i % width) * 4 + (state >>> 28)) & 255;
      rgba.set([grey, grey, grey, 255], i * 4);
    }
    const error = (quality: number) =>
      meanAbsDifference(
        new Uint8Array(
          decodeRgba(
            tempFile(encodeJpegPlanes(rgbaToJfifPlanes(rgba, width, height), quality), `q${quality}.jpg`),
          ),
        ),
        rgba,
      );
    const fine = error(95);
    expect(fine).toBeLessThan(3);
    expect(error(10)).toBeGreaterThan(fine);
  });

  it('is deterministic and depends on the quality', () => {
    const planes = i420ToJfifPlanes(
      createScene({ width: 64, height: 48, seconds: 1, seed: 'det', caption: 'x' }).frameAt(0),
    );
    expect(
      Buffer.compare(encodeJpegPlanes(planes), encodeJpegPlanes({ ...planes, y: planes.y.slice() })),
    ).toBe(0);
    expect(Buffer.compare(encodeJpegPlanes(planes, 85), encodeJpegPlanes(planes, 40))).not.toBe(0);
  });

  it('rejects sizes and planes that do not match', () => {
    expect(() => encodeJpegPlanes(flatPlanes(0, 4, 0, 0, 0))).toThrow(/1\.\.65535/);
    expect(() => encodeJpegPlanes({ ...flatPlanes(4, 4, 0, 0, 0), cb: new Uint8Array(3) })).toThrow(
      /expected 4 cb samples for 4x4, got 3/,
    );
  });
});
