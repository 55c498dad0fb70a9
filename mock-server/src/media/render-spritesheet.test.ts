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
  /** Mean absolute RGB difference between a decoded sheet's tile and the frame it shows, resized. */
  function tileDifference(
    sheet: Buffer,
    grid: typeof options & { columns?: number; tileWidth?: number },
    tile: number,
  ): number {
    const scene = createScene(grid);
    const layout = spritesheetLayout(grid, scene.frameCount);
    const { tileWidth: w, tileHeight: h, columns } = layout;
    const frame = scene.frameAt(layout.frames[tile]!);
    const expected = resizeRgba(
      { width: grid.width, height: grid.height, rgba: i420ToRgba(frame) },
      { x: 0, y: 0, width: grid.width, height: grid.height },
      w,
      h,
    );
    const left = (tile % columns) * w;
    const top = Math.floor(tile / columns) * h;
    let difference = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w * 4; x++)
        difference += Math.abs(
          sheet[((top + y) * columns * w + left) * 4 + x]! - expected.rgba[y * w * 4 + x]!,
        );
    }
    return difference / (h * w * 4);
  }

  it('renders a JPEG grid of downscaled frames in order', async () => {
    const jpeg = await renderSpritesheet(options);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const { size, rgba } = decode(jpeg, 'default.jpg');
    expect(size).toBe('mjpeg,1280,720');
    // tile 7 (row 1, column 2) holds the middle frame of the 8th slice
    expect(tileDifference(rgba, options, 7)).toBeLessThan(4);
    expect(tileDifference(rgba, options, 24)).toBeLessThan(4);
  });

  it('places tiles of an odd size with their own colours', async () => {
    const grid = { ...options, columns: 3, tileWidth: 75 };
    const jpeg = await renderSpritesheet(grid);
    const { size, rgba } = decode(jpeg, 'odd.jpg');
    expect(size).toBe('mjpeg,225,210');
    for (const tile of [0, 4, 14]) expect(tileDifference(rgba, grid, tile)).toBeLessThan(6);
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
