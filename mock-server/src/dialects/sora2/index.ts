export { createSora2Routes, sora2Scope } from './sora2-routes.js';
export { pollAfterMs, sora2Status, toSora2Video, toSora2VideoList } from './sora2-video-view.js';
