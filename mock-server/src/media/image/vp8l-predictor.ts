/** Result of the VP8L predictor transform. */
export interface Vp8lPredictorResult {
  /** Per-pixel ARGB residuals (pixel minus prediction, per channel, modulo 256). */
  readonly residuals: Uint32Array;
  /** The transform's sub-image: one ARGB pixel per block, the mode in the green channel. */
  readonly modes: Uint32Array;
  /** Sub-image width in blocks. */
  readonly modesWidth: number;
}

const OPAQUE_BLACK = 0xff000000;
const MODE_COUNT = 14;
const CHANNEL_COST = Uint8Array.from({ length: 256 }, (_, v) => Math.min(v, 256 - v));

function average2(a: number, b: number): number {
  return ((((a ^ b) & 0xfefefefe) >>> 1) + (a & b)) >>> 0;
}

function channel(value: number, shift: number): number {
  return (value >>> shift) & 0xff;
}

function clamp255(value: number): number {
  return Math.max(0, Math.min(value, 255));
}

function clampAddSubtractFull(a: number, b: number, c: number): number {
  let out = 0;
  for (let shift = 0; shift < 32; shift += 8) {
    out |= clamp255(channel(a, shift) + channel(b, shift) - channel(c, shift)) << shift;
  }
  return out >>> 0;
}

function clampAddSubtractHalf(a: number, b: number): number {
  let out = 0;
  for (let shift = 0; shift < 32; shift += 8) {
    const ca = channel(a, shift);
    out |= clamp255(ca + Math.trunc((ca - channel(b, shift)) / 2)) << shift;
  }
  return out >>> 0;
}

function select(left: number, top: number, topLeft: number): number {
  let distanceToTop = 0; // sum |L - TL| = distance of the gradient estimate L + T - TL to T
  let distanceToLeft = 0;
  for (let shift = 0; shift < 32; shift += 8) {
    const tl = channel(topLeft, shift);
    distanceToTop += Math.abs(channel(left, shift) - tl);
    distanceToLeft += Math.abs(channel(top, shift) - tl);
  }
  return distanceToLeft < distanceToTop ? left : top;
}

/** Prediction of an interior pixel (x > 0, y > 0) with one of the 14 VP8L modes. */
function predict(mode: number, argb: Uint32Array, index: number, width: number): number {
  const left = argb[index - 1]!;
  const top = argb[index - width]!;
  switch (mode) {
    case 0:
      return OPAQUE_BLACK;
    case 1:
      return left;
    case 2:
      return top;
    case 3:
      return argb[index - width + 1]!;
    case 4:
      return argb[index - width - 1]!;
    case 5:
      return average2(average2(left, argb[index - width + 1]!), top);
    case 6:
      return average2(left, argb[index - width - 1]!);
    case 7:
      return average2(left, top);
    case 8:
      return average2(argb[index - width - 1]!, top);
    case 9:
      return average2(top, argb[index - width + 1]!);
    case 10:
      return average2(average2(left, argb[index - width - 1]!), average2(top, argb[index - width + 1]!));
    case 11:
      return select(left, top, argb[index - width - 1]!);
    case 12:
      return clampAddSubtractFull(left, top, argb[index - width - 1]!);
    default:
      return clampAddSubtractHalf(average2(left, top), argb[index - width - 1]!);
  }
}

/** Per-channel difference modulo 256 of two ARGB pixels (`a - b`). */
export function subtractPixels(a: number, b: number): number {
  const alphaGreen = (0x00ff00ff + (a & 0xff00ff00) - (b & 0xff00ff00)) & 0xff00ff00;
  const redBlue = (0xff00ff00 + (a & 0x00ff00ff) - (b & 0x00ff00ff)) & 0x00ff00ff;
  return (alphaGreen | redBlue) >>> 0;
}

function residualCost(residual: number): number {
  return (
    CHANNEL_COST[residual & 0xff]! +
    CHANNEL_COST[(residual >>> 8) & 0xff]! +
    CHANNEL_COST[(residual >>> 16) & 0xff]! +
    CHANNEL_COST[residual >>> 24]!
  );
}

/**
 * Applies the VP8L predictor transform with blocks of `1 << sizeBits` pixels, choosing per block
 * the mode with the smallest sum of absolute residuals.
 */
export function applyPredictorTransform(
  argb: Uint32Array,
  width: number,
  height: number,
  sizeBits: number,
): Vp8lPredictorResult {
  const blockSize = 1 << sizeBits;
  const modesWidth = Math.ceil(width / blockSize);
  const modesHeight = Math.ceil(height / blockSize);
  const modes = new Uint32Array(modesWidth * modesHeight);
  const residuals = new Uint32Array(argb.length);

  for (let blockY = 0; blockY < modesHeight; blockY++) {
    const y0 = blockY * blockSize;
    const y1 = Math.min(height, y0 + blockSize);
    for (let blockX = 0; blockX < modesWidth; blockX++) {
      const x0 = blockX * blockSize;
      const x1 = Math.min(width, x0 + blockSize);
      let bestMode = 0;
      let bestCost = Number.POSITIVE_INFINITY;
      for (let mode = 0; mode < MODE_COUNT; mode++) {
        let cost = 0;
        for (let y = Math.max(1, y0); y < y1 && cost < bestCost; y++) {
          for (let x = Math.max(1, x0); x < x1; x++) {
            const index = y * width + x;
            cost += residualCost(subtractPixels(argb[index]!, predict(mode, argb, index, width)));
          }
        }
        if (cost < bestCost) {
          bestCost = cost;
          bestMode = mode;
        }
        // No later mode can cost less than nothing (ties keep the earlier mode): same choice, less work.
        if (bestCost === 0) break;
      }
      modes[blockY * modesWidth + blockX] = (OPAQUE_BLACK | (bestMode << 8)) >>> 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const index = y * width + x;
          const prediction =
            y === 0
              ? x === 0
                ? OPAQUE_BLACK
                : argb[index - 1]!
              : x === 0
                ? argb[index - width]!
                : predict(bestMode, argb, index, width);
          residuals[index] = subtractPixels(argb[index]!, prediction);
        }
      }
    }
  }
  return { residuals, modes, modesWidth };
}
