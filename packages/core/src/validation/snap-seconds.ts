import type { Capabilities } from '../capabilities/capabilities.js';

/**
 * The allowed duration nearest to `seconds`: in a set (Sora 2) the closest value, the longer
 * one on a tie; in a range (Sora 1) the value rounded and clamped. Size-specific limits
 * (`maxSecondsBySize`) apply when `size` is given. Non-finite input gives the default.
 * @example
 * snapSeconds(10, resolveCapabilities('openai-sora2')); // 12
 * snapSeconds(30, resolveCapabilities('azure-sora1')); // 20
 */
export function snapSeconds(seconds: number, capabilities: Capabilities, size?: string): number {
  if (!Number.isFinite(seconds)) return capabilities.defaultSeconds;
  const sizeMax =
    size === undefined ? undefined : capabilities.maxSecondsBySize[size as `${number}x${number}`];
  const allowed = capabilities.seconds;
  if (Array.isArray(allowed)) {
    const candidates = (allowed as readonly number[]).filter(
      (value) => sizeMax === undefined || value <= sizeMax,
    );
    let best = candidates[0] ?? capabilities.defaultSeconds;
    for (const value of candidates) {
      const distance = Math.abs(value - seconds);
      const bestDistance = Math.abs(best - seconds);
      if (distance < bestDistance || (distance === bestDistance && value > best)) best = value;
    }
    return best;
  }
  const { min, max } = allowed as { min: number; max: number };
  const upper = sizeMax === undefined ? max : Math.min(max, sizeMax);
  return Math.min(upper, Math.max(min, Math.round(seconds)));
}
