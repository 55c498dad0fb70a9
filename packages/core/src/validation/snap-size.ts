import type { Capabilities, SizeString } from '../capabilities/capabilities.js';
import type { VideoSize } from '../types.js';
import { parseSize } from './parse-size.js';

const EPSILON = 1e-9;

/**
 * The allowed size nearest to `size`: first the closest aspect ratio (compared on a log scale,
 * so 2:1 and 1:2 are equally far from 1:1), then the closest area (also log scale); remaining
 * ties go to the size listed first. An unparseable size gives the default size.
 * @example
 * snapSize('1920x1080', resolveCapabilities('openai-sora2')); // '1280x720'
 * snapSize('1000x1000', resolveCapabilities('azure-sora1')); // '1080x1080'
 */
export function snapSize(size: VideoSize | string, capabilities: Capabilities): SizeString {
  const wanted = parseSize(size);
  if (wanted === undefined) return capabilities.defaultSize;
  const ratio = Math.log(wanted.width / wanted.height);
  const area = Math.log(wanted.width * wanted.height);
  let best: { size: SizeString; ratio: number; area: number } | undefined;
  for (const candidate of capabilities.sizes) {
    const dimensions = parseSize(candidate);
    if (dimensions === undefined) continue;
    const ratioDistance = Math.abs(Math.log(dimensions.width / dimensions.height) - ratio);
    const areaDistance = Math.abs(Math.log(dimensions.width * dimensions.height) - area);
    if (
      best === undefined ||
      ratioDistance < best.ratio - EPSILON ||
      (Math.abs(ratioDistance - best.ratio) <= EPSILON && areaDistance < best.area - EPSILON)
    ) {
      best = { size: candidate, ratio: ratioDistance, area: areaDistance };
    }
  }
  return best?.size ?? capabilities.defaultSize;
}
