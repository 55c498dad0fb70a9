/** A VP8L transform as read from the bitstream, with the image width when it was read (its output width). */
export type Vp8lTransform =
  | { kind: 'predictor'; width: number; sizeBits: number; data: Uint32Array }
  | { kind: 'cross-color'; width: number; sizeBits: number; data: Uint32Array }
  | { kind: 'subtract-green'; width: number }
  | { kind: 'color-indexing'; width: number; widthBits: number; palette: Uint32Array };

function average2(a: number, b: number): number {
  return ((((a ^ b) & 0xfefefefe) >>> 1) + (a & b)) >>> 0;
}

/** Per-channel sum modulo 256 of two ARGB pixels. */
export function addPixels(a: number, b: number): number {
  const alphaGreen = ((a & 0xff00ff00) >>> 0) + ((b & 0xff00ff00) >>> 0);
  const redBlue = (a & 0x00ff00ff) + (b & 0x00ff00ff);
  return ((alphaGreen & 0xff00ff00) | (redBlue & 0x00ff00ff)) >>> 0;
}

function perChannel(fn: (shift: number) => number): number {
  return (fn(24) << 24) | (fn(16) << 16) | (fn(8) << 8) | fn(0);
}

const clamp = (v: number): number => Math.max(0, Math.min(255, v));
const ch = (v: number, shift: number): number => (v >>> shift) & 0xff;

function predict(mode: number, p: Uint32Array, i: number, width: number): number {
  const L = p[i - 1]!;
  const T = p[i - width]!;
  const TL = p[i - width - 1]!;
  const TR = p[i - width + 1]!;
  switch (mode) {
    case 1:
      return L;
    case 2:
      return T;
    case 3:
      return TR;
    case 4:
      return TL;
    case 5:
      return average2(average2(L, TR), T);
    case 6:
      return average2(L, TL);
    case 7:
      return average2(L, T);
    case 8:
      return average2(TL, T);
    case 9:
      return average2(T, TR);
    case 10:
      return average2(average2(L, TL), average2(T, TR));
    case 11: {
      let toLeft = 0;
      let toTop = 0;
      for (let s = 0; s < 32; s += 8) {
        toLeft += Math.abs(ch(T, s) - ch(TL, s));
        toTop += Math.abs(ch(L, s) - ch(TL, s));
      }
      return toLeft < toTop ? L : T;
    }
    case 12:
      return perChannel((s) => clamp(ch(L, s) + ch(T, s) - ch(TL, s))) >>> 0;
    case 13: {
      const avg = average2(L, T);
      return perChannel((s) => clamp(ch(avg, s) + Math.trunc((ch(avg, s) - ch(TL, s)) / 2))) >>> 0;
    }
    default:
      return 0xff000000; // mode 0, and 14/15 which libwebp also treats as black
  }
}

function inversePredictor(
  t: { width: number; sizeBits: number; data: Uint32Array },
  p: Uint32Array,
  height: number,
): void {
  const { width, sizeBits, data } = t;
  const blocksWide = (width + (1 << sizeBits) - 1) >> sizeBits;
  p[0] = addPixels(p[0]!, 0xff000000);
  for (let x = 1; x < width; x++) p[x] = addPixels(p[x]!, p[x - 1]!);
  for (let y = 1; y < height; y++) {
    const row = y * width;
    p[row] = addPixels(p[row]!, p[row - width]!);
    const modeRow = (y >> sizeBits) * blocksWide;
    for (let x = 1; x < width; x++) {
      const mode = (data[modeRow + (x >> sizeBits)]! >>> 8) & 0xf;
      p[row + x] = addPixels(p[row + x]!, predict(mode, p, row + x, width));
    }
  }
}

const delta = (t: number, c: number): number => (((t << 24) >> 24) * ((c << 24) >> 24)) >> 5;

function inverseCrossColor(
  t: { width: number; sizeBits: number; data: Uint32Array },
  p: Uint32Array,
  height: number,
): void {
  const { width, sizeBits, data } = t;
  const blocksWide = (width + (1 << sizeBits) - 1) >> sizeBits;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const m = data[(y >> sizeBits) * blocksWide + (x >> sizeBits)]!;
      const i = y * width + x;
      const argb = p[i]!;
      const green = ch(argb, 8);
      const red = (ch(argb, 16) + delta(m & 0xff, green)) & 0xff;
      const blue = (ch(argb, 0) + delta(ch(m, 8), green) + delta(ch(m, 16), red)) & 0xff;
      p[i] = ((argb & 0xff00ff00) | (red << 16) | blue) >>> 0;
    }
  }
}

function inverseColorIndexing(
  t: { width: number; widthBits: number; palette: Uint32Array },
  packed: Uint32Array,
  height: number,
): Uint32Array {
  const { width, widthBits, palette } = t;
  const packedWidth = (width + (1 << widthBits) - 1) >> widthBits;
  const out = new Uint32Array(width * height);
  const bitsPerPixel = 8 >> widthBits;
  const mask = (1 << bitsPerPixel) - 1;
  const perByte = (1 << widthBits) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const green = ch(packed[y * packedWidth + (x >> widthBits)]!, 8);
      const index = (green >> ((x & perByte) * bitsPerPixel)) & mask;
      out[y * width + x] = index < palette.length ? palette[index]! : 0;
    }
  }
  return out;
}

/**
 * Undoes the transforms, last read first. `pixels` has the width left after every transform (colour
 * indexing packs pixels); each transform's `width` is the width it restores.
 */
export function applyInverseTransforms(
  transforms: readonly Vp8lTransform[],
  pixels: Uint32Array,
  height: number,
): Uint32Array {
  let p = pixels;
  for (let i = transforms.length - 1; i >= 0; i--) {
    const t = transforms[i]!;
    if (t.kind === 'predictor') inversePredictor(t, p, height);
    else if (t.kind === 'cross-color') inverseCrossColor(t, p, height);
    else if (t.kind === 'subtract-green') {
      for (let k = 0; k < p.length; k++) {
        const argb = p[k]!;
        const green = ch(argb, 8);
        p[k] =
          ((argb & 0xff00ff00) | (((ch(argb, 16) + green) & 0xff) << 16) | ((argb + green) & 0xff)) >>> 0;
      }
    } else p = inverseColorIndexing(t, p, height);
  }
  return p;
}
