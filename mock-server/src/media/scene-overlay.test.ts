import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbaImage } from './image/rgba-image.js';
import { renderThumbnail } from './render-thumbnail.js';
import { renderVideo } from './render-video.js';
import { createScene, MediaOptionsError, type SceneOptions } from './scene.js';
import type { SceneOverlay } from './scene-overlay.js';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-overlay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A 64x32 image: left half pure red, right half pure blue. */
function redBlue(): RgbaImage {
  const width = 64;
  const height = 32;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const left = i % width < width / 2;
    rgba.set(left ? [255, 0, 0, 255] : [0, 0, 255, 255], i * 4);
  }
  return { width, height, rgba };
}

const base: SceneOptions = {
  width: 480,
  height: 480,
  seconds: 1,
  seed: 'gen_1',
  caption: 'a red and blue flag',
};
const image: SceneOverlay = { kind: 'image', fromFrame: 10, image: redBlue() };
const panel: SceneOverlay = {
  kind: 'panel',
  fromFrame: 20,
  lines: ['INPUT VIDEO', 'dog.mp4', '320x240 3.0 S'],
};

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const differs = (a: Uint8Array, b: Uint8Array) => !same(a, b);

/** Counts luma samples near a target value (a red Y is 81, blue 41 in BT.601 limited range). */
const countNear = (y: Uint8Array, value: number) => y.filter((v) => Math.abs(v - value) <= 2).length;

describe('scene overlays', () => {
  it('shows nothing before fromFrame and the image from it on', () => {
    const plain = createScene(base);
    const scene = createScene({ ...base, overlays: [image] });
    expect(same(scene.frameAt(9).y, plain.frameAt(9).y)).toBe(true);
    const before = countNear(plain.frameAt(10).y, 81);
    const after = countNear(scene.frameAt(10).y, 81);
    // The band is 480 wide and 256 high; the 2:1 image fits as 480x240: half of it red.
    expect(after - before).toBeGreaterThan(480 * 240 * 0.45);
    expect(countNear(scene.frameAt(29).y, 41)).toBeGreaterThan(480 * 240 * 0.45);
  });

  it('crops with crop fractions: the left half of the image is all red', () => {
    const scene = createScene({
      ...base,
      overlays: [
        { kind: 'image', fromFrame: 0, image: redBlue(), crop: { left: 0, top: 0, right: 0.5, bottom: 1 } },
      ],
    });
    const frame = scene.frameAt(0);
    expect(countNear(frame.y, 81)).toBeGreaterThan(256 * 256 * 0.9);
    expect(countNear(frame.y, 41)).toBeLessThan(100);
  });

  it('adds a panel from its frame, and is random access', () => {
    const scene = createScene({ ...base, overlays: [image, panel] });
    const ordered = [19, 20, 5, 25, 12].map((i) => scene.frameAt(i).y);
    const fresh = createScene({ ...base, overlays: [panel, image] });
    for (const [k, i] of [19, 20, 5, 25, 12].entries())
      expect(same(ordered[k] as Uint8Array, fresh.frameAt(i).y)).toBe(true);
    expect(differs(scene.frameAt(19).y, scene.frameAt(20).y)).toBe(true);
  });

  it('encodes to an MP4 whose decoded frames equal the scene exactly (ffmpeg)', async () => {
    const options = { ...base, overlays: [image, panel], audio: false };
    const mp4 = await renderVideo(options);
    const file = join(dir, 'overlay.mp4');
    await writeFile(file, mp4);
    const { stdout } = await run(
      'ffmpeg',
      ['-nostdin', '-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'],
      { encoding: 'buffer', maxBuffer: 1 << 26 },
    );
    const frameSize = 480 * 480 * 1.5;
    expect(stdout.length).toBe(frameSize * 30);
    const scene = createScene(options);
    for (const index of [0, 9, 10, 11, 19, 20, 29]) {
      const frame = scene.frameAt(index);
      const decoded = stdout.subarray(index * frameSize, (index + 1) * frameSize);
      expect(same(decoded.subarray(0, 480 * 480), frame.y)).toBe(true);
      expect(same(decoded.subarray(480 * 480), Buffer.concat([frame.u, frame.v]))).toBe(true);
    }
    expect(same(await renderVideo(options), mp4)).toBe(true);
  });

  it('shows an image at frame 0 in the thumbnail', async () => {
    const withImage = await renderThumbnail({
      ...base,
      format: 'jpeg',
      overlays: [{ ...image, fromFrame: 0 }],
    });
    const plain = await renderThumbnail({ ...base, format: 'jpeg' });
    expect(differs(withImage, plain)).toBe(true);
  });

  it('refuses bad overlays with MediaOptionsError', () => {
    expect(() => createScene({ ...base, overlays: [{ ...panel, fromFrame: -1 }] })).toThrow(
      MediaOptionsError,
    );
    const broken = { width: 2, height: 2, rgba: new Uint8Array(3) };
    expect(() =>
      createScene({ ...base, overlays: [{ kind: 'image', fromFrame: 0, image: broken }] }),
    ).toThrow(/RGBA bytes/);
  });
});
