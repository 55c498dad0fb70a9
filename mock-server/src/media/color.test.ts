import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { i420ToRgba, rgbaToI420 } from './color.js';
import { createScene, type I420Frame } from './scene.js';

function ffmpegConvert(
  input: Uint8Array,
  from: string,
  to: string,
  width: number,
  height: number,
): Uint8Array {
  const args = ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', from, '-s', `${width}x${height}`, '-i', '-'];
  return new Uint8Array(
    execFileSync('ffmpeg', [...args, '-f', 'rawvideo', '-pix_fmt', to, '-'], { input, maxBuffer: 1 << 26 }),
  );
}

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** A frame with every luma level and a chroma sweep, so the whole conversion range is exercised. */
function sweep(width: number, height: number): I420Frame {
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const y = Uint8Array.from({ length: width * height }, (_, i) => 16 + (i % 220));
  const u = Uint8Array.from({ length: cw * ch }, (_, i) => 16 + ((i * 7) % 225));
  const v = Uint8Array.from({ length: cw * ch }, (_, i) => 16 + ((i * 13) % 225));
  return { width, height, y, u, v };
}

describe('i420ToRgba', () => {
  it('matches ffmpeg (BT.601 limited range) on a scene frame and on a full sweep', () => {
    const frame = createScene({
      width: 320,
      height: 180,
      seconds: 1,
      seed: 7,
      caption: 'colour check',
    }).frameAt(10);
    for (const f of [frame, sweep(64, 48)]) {
      const planes = new Uint8Array([...f.y, ...f.u, ...f.v]);
      // swscale's default yuv420p -> rgba path also repeats chroma; its fixed-point rounding differs by a few units
      const reference = ffmpegConvert(planes, 'yuv420p', 'rgba', f.width, f.height);
      const ours = i420ToRgba(f);
      expect(maxDifference(ours, reference)).toBeLessThanOrEqual(3);
      expect(meanDifference(ours, reference)).toBeLessThan(1);
    }
  });

  it('is within 1 of the exact BT.601 formula', () => {
    const frame = sweep(64, 48);
    const ours = i420ToRgba(frame);
    for (let i = 0; i < 64 * 48; i++) {
      const c = (i >> 1) % 32;
      const chroma = (Math.floor(i / 64) >> 1) * 32 + c;
      const y = 1.164 * (frame.y[i]! - 16);
      const u = frame.u[chroma]! - 128;
      const v = frame.v[chroma]! - 128;
      const exact = [y + 1.596 * v, y - 0.392 * u - 0.813 * v, y + 2.017 * u].map((x) =>
        Math.max(0, Math.min(255, x)),
      );
      exact.forEach((value, k) => {
        expect(Math.abs(ours[i * 4 + k]! - value)).toBeLessThanOrEqual(1);
      });
    }
  });

  it('handles odd sizes (chroma planes of ceil(w/2) x ceil(h/2)) and maps video black and white', () => {
    const frame: I420Frame = {
      width: 3,
      height: 1,
      y: Uint8Array.of(16, 235, 126),
      u: Uint8Array.of(128, 128),
      v: Uint8Array.of(128, 128),
    };
    expect([...i420ToRgba(frame)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255]);
  });
});

describe('rgbaToI420', () => {
  it('matches ffmpeg on luma, the BT.601 formula on chroma, and round-trips through i420ToRgba', () => {
    const width = 64;
    const height = 32;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const block = ((Math.floor(i / width) >> 4) * (width >> 4) + ((i % width) >> 4)) * 37; // flat 16x16 blocks
      rgba.set([block % 256, (block * 3) % 256, (block * 7) % 256, 255], i * 4);
    }
    const frame = rgbaToI420(rgba, width, height);
    const reference = ffmpegConvert(rgba, 'rgba', 'yuv420p', width, height);
    expect(maxDifference(frame.y, reference.subarray(0, width * height))).toBeLessThanOrEqual(1);
    // swscale filters chroma across block edges, so chroma is checked against the formula instead
    for (let c = 0; c < frame.u.length; c++) {
      const p = ((c >> 5) * 2 * width + (c % 32) * 2) * 4;
      const [r, g, b] = [rgba[p]!, rgba[p + 1]!, rgba[p + 2]!];
      expect(Math.abs(frame.u[c]! - (128 - 0.148 * r - 0.291 * g + 0.439 * b))).toBeLessThanOrEqual(1);
      expect(Math.abs(frame.v[c]! - (128 + 0.439 * r - 0.368 * g - 0.071 * b))).toBeLessThanOrEqual(1);
    }
    expect(maxDifference(i420ToRgba(frame), rgba)).toBeLessThanOrEqual(3);
  });

  it('composites translucent pixels over the background', () => {
    const halfRed = Uint8Array.of(255, 0, 0, 128);
    const overWhite = i420ToRgba(rgbaToI420(halfRed, 1, 1, { background: [255, 255, 255] }));
    const overBlack = i420ToRgba(rgbaToI420(halfRed, 1, 1));
    expect(Math.abs(overWhite[1]! - 127)).toBeLessThanOrEqual(3);
    expect(Math.abs(overBlack[0]! - 128)).toBeLessThanOrEqual(3);
    expect(overBlack[1]).toBeLessThanOrEqual(3);
  });

  it('rejects a buffer that does not match the size', () => {
    expect(() => rgbaToI420(new Uint8Array(12), 2, 2)).toThrow(/expected 16 RGBA bytes/);
  });
});
