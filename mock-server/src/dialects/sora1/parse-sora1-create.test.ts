import { resolveCapabilities } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { UploadForm } from '../../http/upload-form.js';
import { UploadedFile } from '../../http/uploaded-file.js';
import { encodeJpeg, renderVideo } from '../../media/index.js';
import { parseSora1CreateForm, parseSora1CreateJson } from './parse-sora1-create.js';
import { Sora1RequestError } from './sora1-request-error.js';

const base = { model: 'sora', prompt: 'A cat playing piano in a jazz bar.', width: 480, height: 480 };

/** The field a refusal names (fails the test when nothing is thrown). */
async function refusal(
  action: () => unknown,
): Promise<{ param: string | null; message: string; status: number }> {
  try {
    await action();
  } catch (error) {
    if (Sora1RequestError.isInstance(error))
      return { param: error.param, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('expected a refusal');
}

const jpeg = encodeJpeg(new Uint8Array(16 * 8 * 4).fill(200), 16, 8);
const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const clip = (seconds: number) =>
  renderVideo({ width: 64, height: 64, seconds, seed: 'clip', caption: 'clip', audio: false });

function form(
  fields: Record<string, string>,
  files: Array<[string, Uint8Array, string, string?]> = [],
): UploadForm {
  const data = new UploadForm();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const [name, bytes, type, part = 'files'] of files)
    data.append(part, new UploadedFile(bytes, name, type));
  return data;
}
const item = (
  file_name: string,
  type: 'image' | 'video' = 'image',
  frame_index = 0,
  crop_bounds?: object,
) => ({
  frame_index,
  type,
  file_name,
  ...(crop_bounds === undefined ? {} : { crop_bounds }),
});
const textFields = {
  model: 'sora',
  prompt: 'a dog swims',
  height: '480',
  width: '480',
  n_seconds: '2',
  n_variants: '1',
};

describe('parseSora1CreateJson', () => {
  it('accepts integers and numeric strings and applies the defaults (5 s, 1 variant)', () => {
    expect(parseSora1CreateJson(base)).toMatchObject({ seconds: 5, variants: 1, width: 480, inputs: [] });
    expect(
      parseSora1CreateJson({ ...base, width: '1080', height: '1080', n_seconds: '5', n_variants: '1' }),
    ).toMatchObject({ width: 1080, height: 1080, seconds: 5, variants: 1 });
  });

  it('accepts exactly the nine resolutions, naming width or height otherwise', async () => {
    const { sizes } = resolveCapabilities('azure-sora1');
    expect(sizes).toHaveLength(9);
    for (const size of sizes) {
      const [width, height] = size.split('x').map(Number);
      expect(parseSora1CreateJson({ ...base, width, height, n_variants: 1 }).width).toBe(width);
    }
    expect((await refusal(() => parseSora1CreateJson({ ...base, width: 481 }))).param).toBe('width');
    expect((await refusal(() => parseSora1CreateJson({ ...base, height: 720 }))).param).toBe('height');
    expect((await refusal(() => parseSora1CreateJson({ ...base, width: 1920, height: 1920 }))).param).toBe(
      'height',
    );
  });

  it('n_seconds 1..20 on both sides', async () => {
    expect(parseSora1CreateJson({ ...base, n_seconds: 1 }).seconds).toBe(1);
    expect(parseSora1CreateJson({ ...base, n_seconds: '20' }).seconds).toBe(20);
    for (const bad of [0, 21, '21', '5.5', 2.5, '-1', 'five', null])
      expect((await refusal(() => parseSora1CreateJson({ ...base, n_seconds: bad }))).param).toBe(
        'n_seconds',
      );
  });

  it('n_variants by size (ruling 4): 1080p 1, 720p 2, others 4', async () => {
    const cases: Array<[number, number, number]> = [
      [1920, 1080, 1],
      [1080, 1080, 1],
      [1080, 1920, 1],
      [1280, 720, 2],
      [720, 720, 2],
      [720, 1280, 2],
      [854, 480, 4],
      [480, 480, 4],
      [480, 854, 4],
    ];
    for (const [width, height, max] of cases) {
      expect(parseSora1CreateJson({ ...base, width, height, n_variants: max }).variants).toBe(max);
      const over = await refusal(() => parseSora1CreateJson({ ...base, width, height, n_variants: max + 1 }));
      expect(over).toMatchObject({ param: 'n_variants', status: 400 });
    }
    expect((await refusal(() => parseSora1CreateJson({ ...base, n_variants: 0 }))).param).toBe('n_variants');
  });

  it('names missing or invalid fields, and refuses non-objects', async () => {
    expect(await refusal(() => parseSora1CreateJson({ ...base, prompt: undefined }))).toMatchObject({
      param: 'prompt',
      message: "Missing required parameter: 'prompt'.",
    });
    expect((await refusal(() => parseSora1CreateJson({ ...base, prompt: '' }))).param).toBe('prompt');
    expect((await refusal(() => parseSora1CreateJson({ ...base, model: 7 }))).param).toBe('model');
    expect((await refusal(() => parseSora1CreateJson({ ...base, width: undefined }))).param).toBe('width');
    expect((await refusal(() => parseSora1CreateJson({ ...base, colour: 'red' }))).param).toBe('colour');
    expect((await refusal(() => parseSora1CreateJson([base]))).param).toBe('body');
    expect((await refusal(() => parseSora1CreateJson('text'))).param).toBe('body');
  });
});

describe('parseSora1CreateForm', () => {
  it('reads text fields, inpaint_items as a JSON string and files by file_name (files and files[])', async () => {
    const request = await parseSora1CreateForm(
      form(
        {
          ...textFields,
          inpaint_items: JSON.stringify([item('a.jpg', 'image', 0), item('b.png', 'image', 59)]),
        },
        [
          ['a.jpg', jpeg, 'image/jpeg'],
          ['b.png', png, 'image/png', 'files[]'],
        ],
      ),
    );
    expect(request.inputs.map((input) => [input.item.file_name, input.mediaType])).toEqual([
      ['a.jpg', 'image/jpeg'],
      ['b.png', 'image/png'],
    ]);
    expect(request).toMatchObject({ width: 480, seconds: 2, variants: 1 });
  });

  it('sniffs the image type from the bytes, not the name or declared type', async () => {
    const request = await parseSora1CreateForm(
      form({ ...textFields, inpaint_items: JSON.stringify([item('photo.jpg')]) }, [
        ['photo.jpg', png, 'image/jpeg'],
      ]),
    );
    expect(request.inputs[0]?.mediaType).toBe('image/png');
    const text = new TextEncoder().encode('not an image at all');
    const refused = await refusal(() =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('x.jpg')]) }, [
          ['x.jpg', text, 'image/jpeg'],
        ]),
      ),
    );
    expect(refused.param).toBe('files');
  });

  it('at most 2 images; 1 video of at most 5 s (read from the MP4); no mixing', async () => {
    const three = [item('1.jpg'), item('2.jpg', 'image', 10), item('3.jpg', 'image', 20)];
    const files3: Array<[string, Uint8Array, string]> = ['1.jpg', '2.jpg', '3.jpg'].map((n) => [
      n,
      jpeg,
      'image/jpeg',
    ]);
    expect(
      (
        await refusal(() =>
          parseSora1CreateForm(form({ ...textFields, inpaint_items: JSON.stringify(three) }, files3)),
        )
      ).param,
    ).toBe('inpaint_items');
    const five = await clip(5);
    const long = await clip(5.5);
    const ok = await parseSora1CreateForm(
      form({ ...textFields, inpaint_items: JSON.stringify([item('v.mp4', 'video')]) }, [
        ['v.mp4', five, 'video/mp4'],
      ]),
    );
    expect(ok.inputs[0]?.video?.durationSeconds).toBe(5);
    const tooLong = await refusal(() =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('v.mp4', 'video')]) }, [
          ['v.mp4', long, 'video/mp4'],
        ]),
      ),
    );
    expect(tooLong).toMatchObject({ param: 'files' });
    expect(tooLong.message).toContain('5.500 s');
    const two = [item('v.mp4', 'video'), item('w.mp4', 'video')];
    expect(
      (
        await refusal(() =>
          parseSora1CreateForm(
            form({ ...textFields, inpaint_items: JSON.stringify(two) }, [
              ['v.mp4', five, 'video/mp4'],
              ['w.mp4', five, 'video/mp4'],
            ]),
          ),
        )
      ).param,
    ).toBe('inpaint_items');
    const mixed = [item('v.mp4', 'video'), item('a.jpg')];
    expect(
      (
        await refusal(() =>
          parseSora1CreateForm(
            form({ ...textFields, inpaint_items: JSON.stringify(mixed) }, [
              ['v.mp4', five, 'video/mp4'],
              ['a.jpg', jpeg, 'image/jpeg'],
            ]),
          ),
        )
      ).param,
    ).toBe('inpaint_items');
    const notMp4 = await refusal(() =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('v.mp4', 'video')]) }, [
          ['v.mp4', jpeg, 'video/mp4'],
        ]),
      ),
    );
    expect(notMp4.param).toBe('files');
  });

  it('frame_index must fall inside the video (n_seconds * 30 frames)', async () => {
    const at = (frame: number) =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('a.jpg', 'image', frame)]) }, [
          ['a.jpg', jpeg, 'image/jpeg'],
        ]),
      );
    expect((await at(59)).inputs[0]?.item.frame_index).toBe(59);
    expect((await refusal(() => at(60))).param).toBe('inpaint_items');
    expect((await refusal(() => at(-1))).param).toBe('inpaint_items');
  });

  it('crop_bounds: fractions in 0..1, left < right, top < bottom', async () => {
    const withCrop = (crop: object) =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('a.jpg', 'image', 0, crop)]) }, [
          ['a.jpg', jpeg, 'image/jpeg'],
        ]),
      );
    const full = { left_fraction: 0, top_fraction: 0, right_fraction: 1, bottom_fraction: 1 };
    expect((await withCrop(full)).inputs).toHaveLength(1);
    expect((await withCrop({ left_fraction: 0.1, right_fraction: 0.1000001 })).inputs).toHaveLength(1);
    for (const bad of [
      { left_fraction: 0.5, right_fraction: 0.5 },
      { top_fraction: 0.9, bottom_fraction: 0.1 },
      { right_fraction: 1.01 },
      { left_fraction: -0.01 },
      { left_fraction: '0.1' },
    ])
      expect((await refusal(() => withCrop(bad))).param).toBe('inpaint_items');
  });

  it('refuses unmatched, unreferenced and duplicate files, and bad inpaint_items JSON', async () => {
    const missing = await refusal(() =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('a.jpg')]) }, [
          ['b.jpg', jpeg, 'image/jpeg'],
        ]),
      ),
    );
    expect(missing.param).toBe('files');
    const extra = await refusal(() =>
      parseSora1CreateForm(form(textFields, [['b.jpg', jpeg, 'image/jpeg']])),
    );
    expect(extra.param).toBe('inpaint_items');
    const duplicate = await refusal(() =>
      parseSora1CreateForm(
        form({ ...textFields, inpaint_items: JSON.stringify([item('a.jpg')]) }, [
          ['a.jpg', jpeg, 'image/jpeg'],
          ['a.jpg', jpeg, 'image/jpeg', 'files[]'],
        ]),
      ),
    );
    expect(duplicate.param).toBe('files');
    expect(
      (await refusal(() => parseSora1CreateForm(form({ ...textFields, inpaint_items: '[{' })))).param,
    ).toBe('inpaint_items');
    expect(
      (
        await refusal(() =>
          parseSora1CreateForm(form({ ...textFields, inpaint_items: JSON.stringify([{ type: 'image' }]) })),
        )
      ).param,
    ).toBe('inpaint_items');
    expect((await refusal(() => parseSora1CreateForm(form({ ...textFields, n_seconds: '21' })))).param).toBe(
      'n_seconds',
    );
  });
});
