import { CODE_TO_PLANE } from './vp8l-distance-codes.js';
/**
 * The VP8L symbol stream of an ARGB image: each entry is a literal pixel or a backward copy.
 * `distanceCodes[i] === 0` means `values[i]` is a literal ARGB pixel; otherwise `values[i]` is the
 * copy length and `distanceCodes[i]` the VP8L distance code (1..120 = 2-D neighbourhood, else
 * pixel distance + 120).
 */
export interface Vp8lTokens {
  /** Number of tokens in use. */
  readonly count: number;
  /** Literal ARGB value, or copy length. */
  readonly values: Uint32Array;
  /** 0 for literals, else the VP8L distance code of the copy. */
  readonly distanceCodes: Uint32Array;
}

const MIN_LENGTH = 3;
const MAX_LENGTH = 4096;
const MAX_DISTANCE = (1 << 20) - 120;
const MAX_CHAIN = 24;
const HASH_BITS = 16;
/** A match this long from the previous pixel or the one above ends the search. */
const GOOD_LENGTH = 32;

/** Maps each pixel distance reachable through the 2-D neighbourhood table to its smallest code. */
function planeCodes(width: number): Map<number, number> {
  const codes = new Map<number, number>();
  CODE_TO_PLANE.forEach((plane, index) => {
    const distance = Math.max(1, (plane >> 4) * width + 8 - (plane & 0xf));
    if (!codes.has(distance)) codes.set(distance, index + 1);
  });
  return codes;
}

/**
 * Greedy LZ77 over ARGB pixels: the pixel above first (a match of 32 or more is taken), then the
 * previous pixel, then (unless one of them already matched 32 pixels or more) hash chains keyed
 * on two pixels. Deterministic for
 * a given input.
 */
export function findBackwardReferences(argb: Uint32Array, width: number): Vp8lTokens {
  const pixelCount = argb.length;
  const values = new Uint32Array(pixelCount);
  const distanceCodes = new Uint32Array(pixelCount);
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const chain = new Int32Array(pixelCount);
  const toCode = planeCodes(width);
  let count = 0;

  const hashAt = (i: number): number =>
    (Math.imul(argb[i]!, 0x1e35a7bd) ^ Math.imul(argb[i + 1]!, 0x2f0b9a35)) >>> (32 - HASH_BITS);
  const insert = (i: number): void => {
    if (i + 1 >= pixelCount) return;
    const hash = hashAt(i);
    chain[i] = head[hash]!;
    head[hash] = i;
  };
  const matchLength = (from: number, at: number): number => {
    const limit = Math.min(MAX_LENGTH, pixelCount - at);
    let length = 0;
    while (length < limit && argb[from + length] === argb[at + length]) length++;
    return length;
  };

  let i = 0;
  while (i < pixelCount) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_LENGTH <= pixelCount) {
      // The pixel above and the previous pixel first: in flat images they give the long runs,
      // and a run of GOOD_LENGTH or more is taken without walking the hash chain. A copy of the
      // row above that long is taken as it is (rows repeat in flat pictures; this skips a second
      // scan of the same pixels for the previous-pixel run).
      if (i >= width && width > 1) {
        bestLength = matchLength(i - width, i);
        bestDistance = width;
      }
      if (i >= 1 && bestLength < GOOD_LENGTH) {
        const length = matchLength(i - 1, i);
        if (length > bestLength) {
          bestLength = length;
          bestDistance = 1;
        }
      }
      let candidate = bestLength >= GOOD_LENGTH ? -1 : head[hashAt(i)]!;
      for (let steps = 0; candidate >= 0 && steps < MAX_CHAIN && bestLength < MAX_LENGTH; steps++) {
        const distance = i - candidate;
        if (distance > MAX_DISTANCE) break;
        const length = matchLength(candidate, i);
        if (length > bestLength) {
          bestLength = length;
          bestDistance = distance;
        }
        candidate = chain[candidate]!;
      }
    }
    if (bestLength >= MIN_LENGTH) {
      values[count] = bestLength;
      distanceCodes[count] = toCode.get(bestDistance) ?? bestDistance + 120;
      count++;
      // Inside a long run only its last GOOD_LENGTH positions go into the hash chains: the chains
      // serve the short matches, and hashing every pixel of a flat image would cost more than the search.
      for (let k = Math.max(0, bestLength - GOOD_LENGTH); k < bestLength; k++) insert(i + k);
      i += bestLength;
    } else {
      values[count] = argb[i]!;
      distanceCodes[count] = 0;
      count++;
      insert(i);
      i++;
    }
  }
  return { count, values, distanceCodes };
}
