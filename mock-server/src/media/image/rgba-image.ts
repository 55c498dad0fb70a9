/** A decoded raster image: 8-bit R, G, B, A per pixel, row-major, no padding. */
export interface RgbaImage {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** `width * height * 4` bytes. */
  readonly rgba: Uint8Array;
}
