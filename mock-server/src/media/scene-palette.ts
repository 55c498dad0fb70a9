/** A colour in BT.601 limited-range YUV (Y 16..235, U/V 16..240). */
export interface Yuv {
  /** Luma. */
  y: number;
  /** Blue-difference chroma. */
  u: number;
  /** Red-difference chroma. */
  v: number;
}

/** The colours and motion constants of one scene, all derived from its seed. */
export interface ScenePalette {
  /** Background gradient at the top edge. */
  top: Yuv;
  /** Background gradient at the bottom edge. */
  bottom: Yuv;
  /** Text panels. */
  panel: Yuv;
  /** Caption text. */
  text: Yuv;
  /** Label (job id) text. */
  label: Yuv;
  /** The band the moving block travels in. */
  track: Yuv;
  /** The moving block. */
  block: Yuv;
  /** Progress bar fill. */
  bar: Yuv;
  /** Seconds the block needs to cross the track once (2.3 .. 3.7). */
  crossSeconds: number;
}

/** FNV-1a of the seed's string form: numbers and strings both give a stable 32-bit value. */
export function hashSeed(seed: number | string): number {
  const text = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Converts 8-bit sRGB to BT.601 limited-range YUV with the usual integer approximation. */
export function rgbToYuv(r: number, g: number, b: number): Yuv {
  return {
    y: ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16,
    u: ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128,
    v: ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128,
  };
}

function hsl(h: number, s: number, l: number): Yuv {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return rgbToYuv(f(0), f(8), f(4));
}

/** Derives the palette of a scene from its seed. */
export function createScenePalette(seed: number | string): ScenePalette {
  const random = mulberry32(hashSeed(seed));
  const hue = Math.floor(random() * 360);
  const accent = (hue + 150 + Math.floor(random() * 60)) % 360;
  return {
    top: hsl(hue, 0.55, 0.22),
    bottom: hsl((hue + 40) % 360, 0.6, 0.45),
    panel: hsl(hue, 0.3, 0.1),
    text: rgbToYuv(255, 255, 255),
    label: hsl(accent, 0.9, 0.75),
    track: hsl((hue + 20) % 360, 0.25, 0.16),
    block: hsl(accent, 0.85, 0.55),
    bar: hsl(accent, 0.8, 0.6),
    crossSeconds: 2.3 + Math.floor(random() * 15) / 10,
  };
}
