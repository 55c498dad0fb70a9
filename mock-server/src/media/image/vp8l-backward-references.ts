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

/** libwebp's kCodeToPlane: (yoffset << 4) | (8 - xoffset) of distance codes 1..120. */
const CODE_TO_PLANE = [
  0x18, 0x07, 0x17, 0x19, 0x28, 0x06, 0x27, 0x29, 0x16, 0x1a, 0x26, 0x2a, 0x38, 0x05, 0x37, 0x39, 0x15, 0x1b,
  0x36, 0x3a, 0x25, 0x2b, 0x48, 0x04, 0x47, 0x49, 0x14, 0x1c, 0x35, 0x3b, 0x46, 0x4a, 0x24, 0x2c, 0x58, 0x45,
  0x4b, 0x34, 0x3c, 0x03, 0x57, 0x59, 0x13, 0x1d, 0x56, 0x5a, 0x23, 0x2d, 0x44, 0x4c, 0x55, 0x5b, 0x33, 0x3d,
  0x68, 0x02, 0x67, 0x69, 0x12, 0x1e, 0x66, 0x6a, 0x22, 0x2e, 0x54, 0x5c, 0x43, 0x4d, 0x65, 0x6b, 0x32, 0x3e,
  0x78, 0x01, 0x77, 0x79, 0x53, 0x5d, 0x11, 0x1f, 0x64, 0x6c, 0x42, 0x4e, 0x76, 0x7a, 0x21, 0x2f, 0x75, 0x7b,
  0x31, 0x3f, 0x63, 0x6d, 0x52, 0x5e, 0x00, 0x74, 0x7c, 0x41, 0x4f, 0x10, 0x20, 0x62, 0x6e, 0x30, 0x73, 0x7d,
  0x51, 0x5f, 0x40, 0x72, 0x7e, 0x61, 0x6f, 0x50, 0x71, 0x7f, 0x60, 0x70,
] as const;

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
 * Greedy LZ77 over ARGB pixels with hash chains (keyed on two pixels), always also trying the
 * previous pixel and the pixel above. Deterministic for a given input.
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
      const tryDistance = (distance: number): void => {
        if (distance > i || distance > MAX_DISTANCE || bestLength >= MAX_LENGTH) return;
        const length = matchLength(i - distance, i);
        if (length > bestLength) {
          bestLength = length;
          bestDistance = distance;
        }
      };
      tryDistance(1);
      tryDistance(width);
      let candidate = head[hashAt(i)]!;
      for (let steps = 0; candidate >= 0 && steps < MAX_CHAIN; steps++) {
        if (i - candidate > MAX_DISTANCE) break;
        tryDistance(i - candidate);
        candidate = chain[candidate]!;
      }
    }
    if (bestLength >= MIN_LENGTH) {
      values[count] = bestLength;
      distanceCodes[count] = toCode.get(bestDistance) ?? bestDistance + 120;
      count++;
      for (let k = 0; k < bestLength; k++) insert(i + k);
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
