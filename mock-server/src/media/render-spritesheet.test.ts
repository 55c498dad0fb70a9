import { describe, expect, it } from 'vitest';
import { decodeRgba, probeCsv, tempFile } from '../test-support/ffmpeg.js';
import { i420ToRgba } from './color.js';
import { resizeRgba } from './image/resize-rgba.js';
import { renderSpritesheet, spritesheetLayout } from './render-spritesheet.js';
import { createScene, MediaOptionsError } from './scene.js';

const options = {
  width: 640,
  height: 360,
  seconds: 4,
  seed: 'video_abc',
  caption: 'a red balloon over the sea',
};

function decode(jpeg: Uint8Array, name: string): { size: string; rgba: Buffer } {
  const file = tempFile(jpeg, name);
  return { size: probeCsv(file, 'stream=codec_name,width,height'), rgba: decodeRgba(file) };
}

describe('spritesheetLayout', () => {
  it('defaults to 5x5 tiles whose longer side is 256, sampling slice middles', () => {
    const landscape = spritesheetLayout({ ...options, width: 1280, height: 720 }, 120);
    expect(landscape).toMatchObject({ columns: 5, rows: 5, tileWidth: 256, tileHeight: 144 });
    expect(landscape.frames.slice(0, 4)).toEqual([2, 7, 12, 16]);
    expect(landscape.frames.at(-1)).toBe(117);
    expect(spritesheetLayout({ ...options, width: 720, height: 1280 }, 120)).toMatchObject({
      tileWidth: 144,
      tileHeight: 256,
    });
    expect(spritesheetLayout({ ...options, width: 100, height: 100 }, 3)).toMatchObject({
      tileWidth: 100,
      tileHeight: 100,
    });
    expect(
      spritesheetLayout({ ...options, width: 100, height: 100 }, 3).frames.filter((f) => f === 2),
    ).toHaveLength(8);
  });

  it('rejects out-of-range grid options', () => {
    expect(() => spritesheetLayout({ ...options, columns: 0 }, 10)).toThrow(MediaOptionsError);
    expect(() => spritesheetLayout({ ...options, rows: 2.5 }, 10)).toThrow(/rows must be an integer/);
    expect(() => spritesheetLayout({ ...options, tileWidth: 641 }, 10)).toThrow(/tileWidth/);
  });
});

describe('renderSpritesheet', () => {
  it('renders a JPEG grid of downscaled frames in order', async () => {
    const jpeg = await renderSpritesheet(options);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const { size, rgba } = decode(jpeg, 'default.jpg');
    expect(size).toBe('mjpeg,1280,720');
    // tile 7 (row 1, column 2) holds the middle frame of the 8th slice
    const scene = createScene(options);
    const frame = scene.frameAt(spritesheetLayout(options, scene.frameCount).frames[7]!);
    const tile = resizeRgba(
      { width: 640, height: 360, rgba: i420ToRgba(frame) },
      { x: 0, y: 0, width: 640, height: 360 },
      256,
      144,
    );
    let difference = 0;
    for (let y = 0; y < 144; y++) {
      for (let x = 0; x < 256 * 4; x++)
        difference += Math.abs(rgba[((144 + y) * 1280 + 512) * 4 + x]! - tile.rgba[y * 1024 + x]!);
    }
    expect(difference / (144 * 1024)).toBeLessThan(4);
  });

  it('honours columns, rows and tileWidth', async () => {
    const jpeg = await renderSpritesheet({ ...options, columns: 4, rows: 2, tileWidth: 100 });
    expect(decode(jpeg, 'custom.jpg').size).toBe('mjpeg,400,112');
  });

  it('is deterministic and depends on the seed', async () => {
    const small = { ...options, width: 320, height: 180, seconds: 2 };
    const first = await renderSpritesheet(small);
    expect(Buffer.compare(first, await renderSpritesheet({ ...small }))).toBe(0);
    expect(Buffer.compare(first, await renderSpritesheet({ ...small, seed: 'video_abd' }))).not.toBe(0);
  });
});
