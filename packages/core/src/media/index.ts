export { readMediaSource, sniffMediaType } from './read-media-source.js';
