import { describe, expect, it } from 'vitest';
import { decodeRgba, probeCsv, tempFile } from '../test-support/ffmpeg.js';
import { i420ToRgba } from './color.js';
import { renderThumbnail } from './render-thumbnail.js';
import { createScene, MediaOptionsError } from './scene.js';

const options = {
  width: 320,
  height: 180,
  seconds: 4,
  seed: 'video_abc',
  caption: 'a red balloon over the sea',
};

const save = tempFile;

function probe(file: string): string {
  return probeCsv(file, 'stream=codec_name,width,height');
}

describe('renderThumbnail', () => {
  it('defaults to a lossless WebP of exactly the first scene frame', async () => {
    const webp = await renderThumbnail(options);
    expect(Buffer.from(webp.subarray(0, 16)).toString('latin1')).toMatch(/^RIFF.{4}WEBPVP8L$/s);
    const file = save(webp, 'thumb.webp');
    expect(probe(file)).toBe('webp,320,180');
    const decoded = decodeRgba(file);
    const expected = i420ToRgba(createScene(options).frameAt(0));
    expect(Buffer.compare(decoded, Buffer.from(expected))).toBe(0);
  });

  it('renders JPEG on request (Sora 1 thumbnails)', async () => {
    const jpeg = await renderThumbnail({ ...options, width: 480, height: 480, format: 'jpeg' });
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(probe(save(jpeg, 'thumb.jpg'))).toBe('mjpeg,480,480');
  });

  it('is deterministic and depends on the seed', async () => {
    const first = await renderThumbnail(options);
    expect(Buffer.compare(first, await renderThumbnail({ ...options }))).toBe(0);
    expect(Buffer.compare(first, await renderThumbnail({ ...options, seed: 'video_abd' }))).not.toBe(0);
    const jpeg = await renderThumbnail({ ...options, format: 'jpeg' });
    expect(Buffer.compare(jpeg, await renderThumbnail({ ...options, format: 'jpeg' }))).toBe(0);
    expect(Buffer.compare(jpeg, await renderThumbnail({ ...options, seed: 1, format: 'jpeg' }))).not.toBe(0);
  });

  it('rejects invalid scene options with MediaOptionsError', async () => {
    await expect(renderThumbnail({ ...options, width: 0 })).rejects.toBeInstanceOf(MediaOptionsError);
  });
});
