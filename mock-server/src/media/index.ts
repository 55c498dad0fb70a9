export type { RenderVideoOptions } from './render-video.js';
export { renderVideo, renderVideoStream } from './render-video.js';
export type { I420Frame, Scene, SceneOptions } from './scene.js';
export { createScene, MediaOptionsError } from './scene.js';
