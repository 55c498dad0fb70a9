export type { RgbaToI420Options } from './color.js';
export { i420ToRgba, rgbaToI420 } from './color.js';
export type { DecodeImageOptions } from './image/decode-image.js';
export { decodeImage } from './image/decode-image.js';
export type { ImageDecodeErrorCode } from './image/image-decode-error.js';
export { ImageDecodeError } from './image/image-decode-error.js';
export type { ImageInfo } from './image/image-info.js';
export { readImageInfo } from './image/image-info.js';
export type { JpegDecodeOptions } from './image/jpeg.js';
export { DEFAULT_JPEG_QUALITY, decodeJpeg, encodeJpeg } from './image/jpeg.js';
export type { PngDecodeOptions } from './image/png.js';
export { decodePng } from './image/png.js';
export type { SourceRect } from './image/resize-rgba.js';
export { resizeRgba } from './image/resize-rgba.js';
export type { RgbaImage } from './image/rgba-image.js';
export type { CropFractions } from './image/scale-and-crop.js';
export { scaleAndCrop } from './image/scale-and-crop.js';
export type { ImageMimeType } from './image/sniff.js';
export { sniffImageType } from './image/sniff.js';
export type { WebpDecodeOptions } from './image/webp.js';
export { decodeWebp } from './image/webp.js';
export { encodeWebp } from './image/webp-encoder.js';
export type { Mp4Info } from './mp4-info.js';
export { readMp4Info } from './mp4-info.js';
export type { RenderSpritesheetOptions, SpritesheetLayout } from './render-spritesheet.js';
export {
  renderSpritesheet,
  SPRITESHEET_DEFAULT_GRID,
  SPRITESHEET_DEFAULT_TILE_LONG_SIDE,
  spritesheetLayout,
} from './render-spritesheet.js';
export type { RenderThumbnailOptions, ThumbnailFormat } from './render-thumbnail.js';
export { renderThumbnail } from './render-thumbnail.js';
export type { RenderVideoOptions } from './render-video.js';
export { renderVideo, renderVideoFragments, renderVideoStream } from './render-video.js';
export type { I420Frame, Scene, SceneOptions } from './scene.js';
export { createScene, MediaOptionsError } from './scene.js';
export type { ImageSceneOverlay, PanelSceneOverlay, SceneOverlay } from './scene-overlay.js';
export type { SceneSegment } from './scene-segment-canvas.js';
export type { MediaOverlay, UploadSceneOverlay } from './upload-overlay.js';
export { resolveUploadOverlays } from './upload-overlay.js';
