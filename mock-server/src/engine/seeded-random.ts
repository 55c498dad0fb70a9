/**
 * A small deterministic PRNG (sfc32 seeded by a cyrb128 hash of a string). Portable (no
 * node:crypto), so the emulator also runs in a browser through MSW. Not for secrets.
 * @module
 */

/** Returns uint32 values; the same seed always yields the same sequence. */
export type SeededRandom = () => number;

/** The four 32-bit words of a generator's position (what a durable emulator saves). */
export type SeededRandomState = readonly [number, number, number, number];

/** A {@link SeededRandom} whose position can be read, to resume it later. */
export interface ResumableRandom extends SeededRandom {
  /** The current position; `createSeededRandom(seed, state)` continues from it. */
  state(): SeededRandomState;
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Creates a PRNG for `seed`.
 * @example
 * const next = createSeededRandom('my-seed');
 * next(); // a uint32, identical on every run
 * const resumed = createSeededRandom('my-seed', next.state()); // continues where `next` is
 */
export function createSeededRandom(seed: string, state?: SeededRandomState): ResumableRandom {
  let [a, b, c, d] = state ?? cyrb128(seed);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  if (state === undefined) for (let i = 0; i < 15; i++) next();
  return Object.assign(next, { state: (): SeededRandomState => [a >>> 0, b >>> 0, c >>> 0, d >>> 0] });
}
