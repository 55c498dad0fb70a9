import { describe, expect, it } from 'vitest';
import { lavfiStill } from '../test-support/ffmpeg.js';
import { renderMediaJob } from './render-media.js';
import { createRenderPool } from './render-pool.js';
import { renderVideo } from './render-video.js';
import { resolveUploadOverlays, type UploadSceneOverlay } from './upload-overlay.js';

const png = () => new Uint8Array(lavfiStill('color=c=red:s=64x48', [], 'upload-red.png').bytes);

describe('upload overlays', () => {
  it('decodes images, names videos and undecodable images on panels, and passes ready overlays through', async () => {
    const mp4 = await renderVideo({
      width: 64,
      height: 48,
      seconds: 1,
      audio: false,
      seed: 'u',
      caption: 'x',
    });
    const panel = { kind: 'panel', fromFrame: 2, lines: ['CHARACTER'] } as const;
    const resolved = await resolveUploadOverlays([
      {
        kind: 'upload',
        fromFrame: 3,
        media: 'image',
        bytes: png(),
        crop: { left: 0, top: 0, right: 0.5, bottom: 1 },
      },
      { kind: 'upload', fromFrame: 4, media: 'video', bytes: mp4, fileName: 'clip.mp4' },
      { kind: 'upload', fromFrame: 5, media: 'image', bytes: png().subarray(0, 40), fileName: 'cut.png' },
      panel,
    ]);
    expect(resolved[0]).toMatchObject({ kind: 'image', fromFrame: 3, crop: { right: 0.5 } });
    const image = resolved[0]?.kind === 'image' ? resolved[0].image : undefined;
    expect([image?.width, image?.height]).toEqual([64, 48]);
    const [r, g, b] = image?.rgba ?? [];
    expect([r! > 240, g! < 16, b! < 16]).toEqual([true, true, true]);
    expect(resolved.slice(1)).toEqual([
      { kind: 'panel', fromFrame: 4, lines: ['INPUT VIDEO', 'clip.mp4', '64x48 1.00 S'] },
      { kind: 'panel', fromFrame: 5, lines: ['INPUT IMAGE', 'cut.png', '64x48'] },
      panel,
    ]);
  });

  it('are decoded by the render: a pooled render with an upload gives the in-thread bytes', async () => {
    const upload: UploadSceneOverlay = { kind: 'upload', fromFrame: 0, media: 'image', bytes: png() };
    const job = {
      variant: 'thumbnail',
      width: 480,
      height: 480,
      seconds: 1,
      seed: 'upload',
      caption: 'with an upload',
      overlays: [upload],
    } as const;
    const pool = createRenderPool({ size: 1 });
    const pooled = await pool.render(job);
    await pool.close();
    expect(pooled).toEqual(await renderMediaJob(job));
    // The upload is drawn: the thumbnail differs from the same scene without it.
    expect(pooled).not.toEqual(await renderMediaJob({ ...job, overlays: [] }));
  });
});
