import { DEFAULT_JPEG_QUALITY, encodeJpegPlanes } from './image/jpeg-encoder.js';
import { createCanvasFor, createScene, MediaOptionsError, type SceneOptions } from './scene.js';
import { createTileShrinker, shrinkI420 } from './shrink-i420.js';

/** Default grid: 5 columns by 5 rows = 25 tiles. */
export const SPRITESHEET_DEFAULT_GRID = 5;
/** Default length of a tile's longer side in pixels (tiles keep the video's aspect ratio). */
export const SPRITESHEET_DEFAULT_TILE_LONG_SIDE = 256;

/** Options of {@link renderSpritesheet}: the video's scene plus the grid layout. */
export type RenderSpritesheetOptions = SceneOptions & {
  /** Tiles per row, 1..32; default 5. */
  columns?: number;
  /** Tiles per column, 1..32; default 5. */
  rows?: number;
  /**
   * Tile width in pixels, 1..video width; default: the longer tile side is 256 (1280x720 gives
   * 256x144 tiles, 720x1280 gives 144x256). The tile height follows the video's aspect ratio.
   */
  tileWidth?: number;
};

/** Layout of a spritesheet: grid, tile size and the frame shown in each tile. */
export interface SpritesheetLayout {
  /** Tiles per row. */
  readonly columns: number;
  /** Tiles per column. */
  readonly rows: number;
  /** Tile width in pixels. */
  readonly tileWidth: number;
  /** Tile height in pixels. */
  readonly tileHeight: number;
  /** Frame index of each tile, row-major: the middle frame of `columns * rows` equal slices. */
  readonly frames: readonly number[];
}

function gridOption(name: string, value: number | undefined, fallback: number, max: number): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < 1 || resolved > max) {
    throw new MediaOptionsError(name, `${name} must be an integer in 1..${max}, got ${resolved}`);
  }
  return resolved;
}

/** Computes the grid, tile size and sampled frames of a spritesheet without rendering anything. */
export function spritesheetLayout(options: RenderSpritesheetOptions, frameCount: number): SpritesheetLayout {
  const { width, height } = options;
  const columns = gridOption('columns', options.columns, SPRITESHEET_DEFAULT_GRID, 32);
  const rows = gridOption('rows', options.rows, SPRITESHEET_DEFAULT_GRID, 32);
  const longSide = SPRITESHEET_DEFAULT_TILE_LONG_SIDE;
  const defaultTileWidth = width >= height ? longSide : Math.round((longSide * width) / height);
  const tileWidth = gridOption('tileWidth', options.tileWidth, Math.min(width, defaultTileWidth), width);
  const tileHeight = Math.max(1, Math.round((tileWidth * height) / width));
  const tiles = columns * rows;
  const frames = Array.from({ length: tiles }, (_, i) =>
    Math.min(frameCount - 1, Math.floor(((i + 0.5) * frameCount) / tiles)),
  );
  return { columns, rows, tileWidth, tileHeight, frames };
}

/**
 * Renders a spritesheet: a JPEG grid of frames sampled evenly across the video (the middle frame
 * of each of `columns * rows` equal slices), each shrunk to a tile with a box filter in YUV (with
 * whole factors only the tile areas a frame changed), row-major from the top left. The tiles go
 * into the sheet's YCbCr 4:2:0 planes as they are (limited range, which the encoder maps while
 * reading), and the JPEG encoder codes those planes directly: no RGBA image at any size. Deterministic: the same options
 * give the same bytes.
 *
 * @throws MediaOptionsError for invalid scene or grid options
 * @example
 * const jpeg = await renderSpritesheet({ width: 1280, height: 720, seconds: 8, seed: 'video_1', caption: 'a red balloon' });
 * // 1280x720 sheet: 5x5 tiles of 256x144
 */
export async function renderSpritesheet(options: RenderSpritesheetOptions): Promise<Uint8Array> {
  const scene = createScene(options);
  const layout = spritesheetLayout(scene.options, scene.frameCount);
  const { columns, rows, tileWidth, tileHeight } = layout;
  const sheetWidth = columns * tileWidth;
  const sheetHeight = rows * tileHeight;
  const chromaWidth = Math.ceil(sheetWidth / 2);
  const chromaHeight = Math.ceil(sheetHeight / 2);
  const sheet = {
    width: sheetWidth,
    height: sheetHeight,
    y: new Uint8Array(sheetWidth * sheetHeight),
    cb: new Uint8Array(chromaWidth * chromaHeight),
    cr: new Uint8Array(chromaWidth * chromaHeight),
    // The scene's limited range: the encoder maps each sample to JPEG's full range as it reads it.
    limitedRange: true,
  };
  const { width, height } = scene.options;
  // Whole shrink factors (the default sizes): one canvas moves from sample to sample and only the
  // tile areas it repaints are averaged again. Otherwise each sampled frame is shrunk whole.
  const shrinker = createTileShrinker(createCanvasFor(scene.options), width, height, tileWidth, tileHeight);
  const tileChromaWidth = Math.ceil(tileWidth / 2);
  // Even tile sizes put each tile's chroma on whole sheet chroma samples: rows are copied as they are.
  const alignedChroma = tileWidth % 2 === 0 && tileHeight % 2 === 0;
  layout.frames.forEach((frameIndex, tile) => {
    const small =
      shrinker?.tileAt(frameIndex) ?? shrinkI420(scene.frameAt(frameIndex), tileWidth, tileHeight);
    const left = (tile % columns) * tileWidth;
    const top = Math.floor(tile / columns) * tileHeight;
    for (let row = 0; row < tileHeight; row++)
      sheet.y.set(small.y.subarray(row * tileWidth, (row + 1) * tileWidth), (top + row) * sheetWidth + left);
    if (alignedChroma) {
      for (let row = 0; row < tileHeight / 2; row++) {
        const from = row * tileChromaWidth;
        const to = (top / 2 + row) * chromaWidth + left / 2;
        sheet.cb.set(small.u.subarray(from, from + tileChromaWidth), to);
        sheet.cr.set(small.v.subarray(from, from + tileChromaWidth), to);
      }
      return;
    }
    // Odd tile sizes: each sheet chroma sample takes the tile chroma sample under its top-left luma pixel.
    for (let cy = Math.ceil(top / 2); cy < Math.ceil((top + tileHeight) / 2); cy++) {
      const from = ((2 * cy - top) >> 1) * tileChromaWidth;
      const to = cy * chromaWidth;
      for (let cx = Math.ceil(left / 2); cx < Math.ceil((left + tileWidth) / 2); cx++) {
        sheet.cb[to + cx] = small.u[from + ((2 * cx - left) >> 1)] as number;
        sheet.cr[to + cx] = small.v[from + ((2 * cx - left) >> 1)] as number;
      }
    }
  });
  return encodeJpegPlanes(sheet, DEFAULT_JPEG_QUALITY);
}
