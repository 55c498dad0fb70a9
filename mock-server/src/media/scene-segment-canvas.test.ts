import { describe, expect, it } from 'vitest';
import { decodeRgba, probeCsv, tempFile } from '../test-support/ffmpeg.js';
import { renderVideo } from './render-video.js';
import { createScene, MediaOptionsError } from './scene.js';

const WIDTH = 160;
const HEIGHT = 96;
const options = {
  width: WIDTH,
  height: HEIGHT,
  seconds: 2,
  seed: 'video_source',
  caption: 'a red balloon',
  audio: true,
  segments: [{ fromFrame: 30, seed: 'video_extension', caption: 'it rises' }],
};

const FRAME_BYTES = WIDTH * HEIGHT * 4;

/** Mean absolute difference of the RGB channels of two frames of a decoded stream. */
function difference(frames: Buffer, a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < FRAME_BYTES; i++) {
    if (i % 4 === 3) continue;
    sum += Math.abs((frames[a * FRAME_BYTES + i] ?? 0) - (frames[b * FRAME_BYTES + i] ?? 0));
  }
  return sum / ((FRAME_BYTES * 3) / 4);
}

describe('segmented scenes (stitched extensions)', () => {
  it('lasts the whole total and changes picture at the segment, checked with ffmpeg', async () => {
    const file = tempFile(await renderVideo(options), 'stitched.mp4');
    expect(
      probeCsv(file, 'stream=codec_name,width,height,nb_read_frames', {
        selectStreams: 'v:0',
        countFrames: true,
      }),
    ).toBe(`h264,${WIDTH},${HEIGHT},60`);
    expect(Number(probeCsv(file, 'format=duration'))).toBeCloseTo(2, 1);
    const frames = decodeRgba(file, { width: WIDTH, height: HEIGHT });
    expect(frames.length).toBe(60 * WIDTH * HEIGHT * 4);
    // Neighbouring frames within a part differ by the moving elements only; across the seam the
    // whole picture (colours, caption) changes.
    const within = Math.max(difference(frames, 28, 29), difference(frames, 30, 31));
    const across = difference(frames, 29, 30);
    expect(across).toBeGreaterThan(4 * within);
    expect(across).toBeGreaterThan(8);
  });

  it('is deterministic and random access matches the parts', async () => {
    expect(await renderVideo(options)).toEqual(await renderVideo(options));
    const stitched = createScene(options);
    const second = createScene({ ...options, seed: 'video_extension', caption: 'it rises', segments: [] });
    const first = createScene({ ...options, segments: [] });
    expect(stitched.frameAt(45)).toEqual(second.frameAt(45));
    expect(stitched.frameAt(10)).toEqual(first.frameAt(10));
    expect(stitched.frameAt(45)).not.toEqual(first.frameAt(45));
  });

  it('refuses segments out of order', () => {
    expect(() => createScene({ ...options, segments: [{ fromFrame: 0, seed: 'x', caption: 'y' }] })).toThrow(
      MediaOptionsError,
    );
  });
});
