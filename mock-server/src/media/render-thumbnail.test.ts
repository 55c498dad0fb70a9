import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i420ToRgba } from './color.js';
import { renderThumbnail } from './render-thumbnail.js';
import { createScene, MediaOptionsError } from './scene.js';

const dir = mkdtempSync(join(tmpdir(), 'thumbnail-'));
const options = {
  width: 320,
  height: 180,
  seconds: 4,
  seed: 'video_abc',
  caption: 'a red balloon over the sea',
};

function save(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function probe(file: string): string {
  const args = ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', file];
  return execFileSync('ffprobe', args).toString().trim();
}

describe('renderThumbnail', () => {
  it('defaults to a lossless WebP of exactly the first scene frame', async () => {
    const webp = await renderThumbnail(options);
    expect(Buffer.from(webp.subarray(0, 16)).toString('latin1')).toMatch(/^RIFF.{4}WEBPVP8L$/s);
    const file = save(webp, 'thumb.webp');
    expect(probe(file)).toBe('webp,320,180');
    const decoded = execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      file,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-',
    ]);
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
