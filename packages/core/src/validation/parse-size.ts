import type { SizeString } from '../capabilities/capabilities.js';
import type { VideoSize } from '../types.js';

/** A frame size as numbers. */
export interface Dimensions {
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
}

/**
 * Reads `'1280x720'` or `{ width: 1280, height: 720 }`. Undefined when the value is not two
 * positive integers (`x` or `X`, surrounding spaces ignored).
 * @example
 * parseSize('1280x720'); // { width: 1280, height: 720 }
 */
export function parseSize(size: VideoSize | string): Dimensions | undefined {
  let width: number;
  let height: number;
  if (typeof size === 'string') {
    const match = /^\s*(\d+)\s*[xX]\s*(\d+)\s*$/.exec(size);
    if (!match) return undefined;
    width = Number(match[1]);
    height = Number(match[2]);
  } else if (size !== null && typeof size === 'object') {
    ({ width, height } = size);
  } else {
    return undefined;
  }
  const valid = (value: number) => Number.isSafeInteger(value) && value > 0;
  return valid(width) && valid(height) ? { width, height } : undefined;
}

/** Writes a size as `WIDTHxHEIGHT`. */
export function formatSize({ width, height }: Dimensions): SizeString {
  return `${width}x${height}`;
}
