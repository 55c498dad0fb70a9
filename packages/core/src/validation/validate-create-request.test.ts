import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../capabilities/index.js';
import { UnsupportedCapabilityError, ValidationError } from '../errors/index.js';
import type { CreateVideoRequest, MediaInput } from '../types.js';
import { validateCreateRequest } from './index.js';

const sora1 = resolveCapabilities('azure-sora1');
const sora2 = resolveCapabilities('openai-sora2');
const sora2pro = resolveCapabilities('openai-sora2', 'sora-2-pro');
const azureSora2 = resolveCapabilities('azure-sora2', 'my-deployment');

const bytes = new Uint8Array([1, 2, 3]);
const image = (extra: Partial<MediaInput> = {}): MediaInput =>
  ({ kind: 'image', source: bytes, ...extra }) as MediaInput;
const video = (extra: Partial<MediaInput> = {}): MediaInput =>
  ({ kind: 'video', source: bytes, ...extra }) as MediaInput;

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** The ValidationError thrown for `request`, or a failure when it is accepted. */
function issuesOf(request: unknown, caps = sora1) {
  const error = caught(() => validateCreateRequest(request as CreateVideoRequest, caps));
  expect(ValidationError.isInstance(error)).toBe(true);
  return (error as ValidationError).issues;
}

const ok = (request: CreateVideoRequest, caps = sora1) => validateCreateRequest(request, caps);

describe('Sora 1 limits', () => {
  it('n_seconds: 1 and 20 pass; 0, 21 and 1.5 fail naming the range', () => {
    expect(ok({ prompt: 'p', seconds: 1 }).seconds).toBe(1);
    expect(ok({ prompt: 'p', seconds: 20 }).seconds).toBe(20);
    for (const seconds of [0, 21, 1.5]) {
      const [issue] = issuesOf({ prompt: 'p', seconds });
      expect(issue).toMatchObject({
        field: 'seconds',
        value: seconds,
        allowed: { min: 1, max: 20 },
        backend: 'azure-sora1',
      });
    }
    expect(issuesOf({ prompt: 'p', seconds: 21 })[0]!.message).toBe(
      'seconds: 21 is not allowed on azure-sora1 (sora); allowed: 1..20',
    );
  });

  it('accepts each of the nine sizes and refuses a near miss of each', () => {
    for (const size of sora1.sizes) {
      const [width, height] = size.split('x').map(Number) as [number, number];
      expect(ok({ prompt: 'p', size }).size).toBe(size);
      expect(ok({ prompt: 'p', size: { width, height } })).toMatchObject({ width, height });
      const [issue] = issuesOf({ prompt: 'p', size: `${width}x${height + 1}` });
      expect(issue).toMatchObject({ field: 'size', value: `${width}x${height + 1}`, allowed: sora1.sizes });
    }
    expect(issuesOf({ prompt: 'p', size: '1280 by 720' })[0]!.message).toMatch(
      /^size: "1280 by 720" is not a WIDTHxHEIGHT size/,
    );
  });

  it('variants: at and over the rule for each size (1080p 1, 720p 2, others 4)', () => {
    const rule: Record<string, number> = {
      '480x480': 4,
      '480x854': 4,
      '854x480': 4,
      '720x720': 2,
      '720x1280': 2,
      '1280x720': 2,
      '1080x1080': 1,
      '1080x1920': 1,
      '1920x1080': 1,
    };
    for (const [size, max] of Object.entries(rule)) {
      expect(ok({ prompt: 'p', size: size as `${number}x${number}`, variants: max }).variants).toBe(max);
      const [issue] = issuesOf({ prompt: 'p', size, variants: max + 1 });
      expect(issue).toMatchObject({ field: 'variants', value: max + 1, allowed: { min: 1, max } });
      expect(issue!.message).toBe(
        `variants: ${max + 1} is not allowed on azure-sora1 (sora) for size ${size}; allowed: ${max === 1 ? '1' : `1..${max}`}`,
      );
    }
    expect(issuesOf({ prompt: 'p', size: '480x480', variants: 0 })[0]!.field).toBe('variants');
  });

  it('inputs: 2 images pass, 3 fail; 1 video <= 5 s passes, 5.1 s fails; images and a video cannot mix', () => {
    expect(ok({ prompt: 'p', inputs: [image(), image()] }).inputs).toHaveLength(2);
    expect(issuesOf({ prompt: 'p', inputs: [image(), image(), image()] })[0]).toMatchObject({
      field: 'inputs',
      value: 3,
      allowed: { min: 0, max: 2 },
    });
    expect(ok({ prompt: 'p', inputs: [video({ seconds: 5 })] }).inputs[0]!.kind).toBe('video');
    expect(issuesOf({ prompt: 'p', inputs: [video({ seconds: 5.1 })] })[0]).toMatchObject({
      field: 'inputs[0].seconds',
      value: 5.1,
      allowed: { min: 0, max: 5 },
    });
    expect(issuesOf({ prompt: 'p', inputs: [video(), video()] })[0]!.message).toBe(
      'inputs: 2 videos is not allowed on azure-sora1 (sora); allowed: up to 1 video',
    );
    expect(issuesOf({ prompt: 'p', inputs: [image(), video()] })[0]!.message).toBe(
      'inputs: 1 image and 1 video cannot be combined on azure-sora1 (sora); allowed: up to 2 images or up to 1 video',
    );
  });

  it('crop: 0 and 1 pass; -0.01 and 1.01 fail; left >= right and top >= bottom fail', () => {
    const crop = { left: 0, top: 0, right: 1, bottom: 1 };
    expect(ok({ prompt: 'p', inputs: [image({ crop })] }).inputs[0]!.crop).toEqual(crop);
    expect(ok({ prompt: 'p', inputs: [image({ crop: { left: 0.1 } })] }).inputs[0]!.crop).toEqual({
      ...crop,
      left: 0.1,
    });
    for (const edge of ['left', 'top', 'right', 'bottom'] as const) {
      for (const value of [-0.01, 1.01]) {
        const [issue] = issuesOf({ prompt: 'p', inputs: [image({ crop: { [edge]: value } })] });
        expect(issue).toMatchObject({ field: `inputs[0].crop.${edge}`, value, allowed: { min: 0, max: 1 } });
      }
      expect(issuesOf({ prompt: 'p', inputs: [image({ crop: { [edge]: Number.NaN } })] })[0]!.field).toBe(
        `inputs[0].crop.${edge}`,
      );
    }
    expect(issuesOf({ prompt: 'p', inputs: [image({ crop: { left: 0.5, right: 0.5 } })] })[0]!.message).toBe(
      'inputs[0].crop: left 0.5 must be less than right 0.5 on azure-sora1 (sora)',
    );
    expect(issuesOf({ prompt: 'p', inputs: [image({ crop: { top: 0.9, bottom: 0.2 } })] })[0]!.field).toBe(
      'inputs[0].crop',
    );
  });

  it('frameIndex: integer from 0 to seconds x 30 - 1', () => {
    expect(ok({ prompt: 'p', seconds: 5, inputs: [image({ frameIndex: 149 })] }).inputs[0]!.frameIndex).toBe(
      149,
    );
    expect(ok({ prompt: 'p', inputs: [image()] }).inputs[0]!.frameIndex).toBe(0);
    for (const frameIndex of [150, -1, 1.5]) {
      const [issue] = issuesOf({ prompt: 'p', seconds: 5, inputs: [image({ frameIndex })] });
      expect(issue).toMatchObject({
        field: 'inputs[0].frameIndex',
        value: frameIndex,
        allowed: { min: 0, max: 149 },
      });
    }
    expect(ok({ prompt: 'p', seconds: 20, inputs: [image({ frameIndex: 599 })] }).inputs).toHaveLength(1);
  });

  it('MIME types: jpeg, png, webp (and image/jpg) for images, mp4 for video; unknown types are left to the adapter', () => {
    for (const mediaType of ['image/jpeg', 'image/png', 'image/webp', 'IMAGE/JPG', 'image/png; q=1']) {
      expect(ok({ prompt: 'p', inputs: [image({ mediaType })] }).inputs).toHaveLength(1);
    }
    expect(ok({ prompt: 'p', inputs: [image({ mediaType: 'image/jpg' })] }).inputs[0]!.mediaType).toBe(
      'image/jpeg',
    );
    expect(issuesOf({ prompt: 'p', inputs: [image({ mediaType: 'image/gif' })] })[0]!.field).toBe(
      'inputs[0].mediaType',
    );
    expect(issuesOf({ prompt: 'p', inputs: [video({ mediaType: 'video/quicktime' })] })[0]!.allowed).toEqual([
      'video/mp4',
    ]);
    expect(
      issuesOf({ prompt: 'p', inputs: [image({ source: new Blob([bytes], { type: 'image/bmp' }) })] })[0]!
        .value,
    ).toBe('image/bmp');
    expect(
      ok({ prompt: 'p', inputs: [image({ source: new Blob([bytes]) })] }).inputs[0]!.mediaType,
    ).toBeUndefined();
  });

  it('an empty prompt fails; the length is otherwise undocumented on Sora 1', () => {
    expect(issuesOf({ prompt: '' })[0]!.message).toBe(
      'prompt.length: 0 is not allowed on azure-sora1 (sora); allowed: >= 1',
    );
    expect(ok({ prompt: 'x'.repeat(40000) }).prompt).toHaveLength(40000);
  });

  it('remix is refused... only at remix time; cancel and defaults apply', () => {
    expect(ok({ prompt: 'p' })).toEqual({
      backend: 'azure-sora1',
      baseModel: 'sora',
      model: undefined,
      prompt: 'p',
      size: '1280x720',
      width: 1280,
      height: 720,
      seconds: 5,
      variants: 1,
      inputs: [],
      characters: [],
    });
  });

  it('enforces maxSecondsBySize when a caller sets it (e.g. 1080p <= 10 s)', () => {
    const caps = resolveCapabilities('azure-sora1', 'sora', {
      overrides: { maxSecondsBySize: { '1920x1080': 10 } },
    });
    expect(ok({ prompt: 'p', size: '1920x1080', seconds: 10 }, caps).seconds).toBe(10);
    expect(issuesOf({ prompt: 'p', size: '1920x1080', seconds: 11 }, caps)[0]!.message).toBe(
      'seconds: 11 is not allowed on azure-sora1 (sora) for size 1920x1080; allowed: 1..10',
    );
    expect(ok({ prompt: 'p', size: '1280x720', seconds: 20 }, caps).seconds).toBe(20);
  });
});

describe('Sora 2 limits', () => {
  it('seconds: 4, 8, 12 pass; 5 and 16 fail with the documented message', () => {
    for (const seconds of [4, 8, 12]) expect(ok({ prompt: 'p', seconds }, sora2).seconds).toBe(seconds);
    expect(issuesOf({ prompt: 'p', seconds: 5 }, sora2)[0]).toMatchObject({
      field: 'seconds',
      allowed: [4, 8, 12],
    });
    expect(issuesOf({ prompt: 'p', seconds: 16 }, sora2)[0]!.message).toBe(
      'seconds: 16 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12',
    );
    expect(issuesOf({ prompt: 'p', seconds: 7 }, sora2)[0]!.message).toBe(
      'seconds: 7 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12',
    );
  });

  it('sizes per model: sora-2 two sizes, sora-2-pro four (six on OpenAI, with 1080p)', () => {
    for (const size of ['720x1280', '1280x720'] as const) {
      expect(ok({ prompt: 'p', size }, sora2).size).toBe(size);
      expect(ok({ prompt: 'p', size }, azureSora2).size).toBe(size);
    }
    for (const size of ['1024x1792', '1792x1024'] as const) {
      expect(ok({ prompt: 'p', size }, sora2pro).size).toBe(size);
      expect(issuesOf({ prompt: 'p', size }, sora2)[0]!.message).toBe(
        `size: ${size} is not allowed on openai-sora2 (sora-2); allowed: 720x1280, 1280x720`,
      );
    }
    for (const size of ['1920x1080', '1080x1920'] as const) {
      expect(ok({ prompt: 'p', size }, sora2pro).size).toBe(size);
      expect(issuesOf({ prompt: 'p', size }, sora2)[0]!.field).toBe('size');
      expect(
        issuesOf({ prompt: 'p', size }, resolveCapabilities('azure-sora2', 'sora-2-pro'))[0]!.field,
      ).toBe('size');
    }
  });

  it('seconds 16 and 20 only on sora-2-pro (OpenAI); sora-2 keeps 4, 8, 12', () => {
    for (const seconds of [16, 20]) {
      expect(ok({ prompt: 'p', seconds }, sora2pro).seconds).toBe(seconds);
      expect(issuesOf({ prompt: 'p', seconds }, sora2)[0]!.message).toBe(
        `seconds: ${seconds} is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12`,
      );
    }
  });

  it('characters: at most two, OpenAI only, each a non-empty id', () => {
    expect(ok({ prompt: 'p', characters: ['char_1', 'char_2'] }, sora2).characters).toEqual([
      'char_1',
      'char_2',
    ]);
    expect(issuesOf({ prompt: 'p', characters: ['char_1', 'char_2', 'char_3'] }, sora2)[0]).toMatchObject({
      field: 'characters',
      value: 3,
      message: 'characters: 3 characters is not allowed on openai-sora2 (sora-2); allowed: up to 2 per video',
    });
    expect(issuesOf({ prompt: 'p', characters: [''] }, sora2)[0]!.field).toBe('characters[0]');
    const refused = caught(() => validateCreateRequest({ prompt: 'p', characters: ['char_1'] }, azureSora2));
    expect(UnsupportedCapabilityError.isInstance(refused)).toBe(true);
    expect((refused as UnsupportedCapabilityError).capability).toBe('characters');
  });

  it('prompt: empty fails, 32000 characters pass, 32001 fail (counted in code points)', () => {
    expect(issuesOf({ prompt: '' }, sora2)[0]).toMatchObject({ field: 'prompt.length', value: 0 });
    expect(ok({ prompt: 'a'.repeat(32000) }, sora2).prompt).toHaveLength(32000);
    expect(issuesOf({ prompt: 'a'.repeat(32001) }, sora2)[0]!.message).toBe(
      'prompt.length: 32001 is not allowed on openai-sora2 (sora-2); allowed: 1..32000',
    );
    expect(ok({ prompt: '😀'.repeat(32000) }, sora2).prompt).toHaveLength(64000);
  });

  it('one image input; two fail; frameIndex other than 0 and crop are refused', () => {
    expect(ok({ prompt: 'p', inputs: [image({ mediaType: 'image/png' })] }, sora2).inputs).toHaveLength(1);
    expect(ok({ prompt: 'p', inputs: [image({ frameIndex: 0 })] }, sora2).inputs).toHaveLength(1);
    expect(issuesOf({ prompt: 'p', inputs: [image(), image()] }, sora2)[0]).toMatchObject({
      field: 'inputs',
      allowed: { min: 0, max: 1 },
    });
    expect(issuesOf({ prompt: 'p', inputs: [image({ frameIndex: 1 })] }, sora2)[0]).toMatchObject({
      field: 'inputs[0].frameIndex',
      allowed: [0],
    });
    expect(issuesOf({ prompt: 'p', inputs: [image({ crop: {} })] }, sora2)[0]!.message).toBe(
      'inputs[0].crop is not supported on openai-sora2 (sora-2)',
    );
  });

  it('video input and variants > 1 are unsupported capabilities; variants 1 is fine', () => {
    const videoError = caught(() => ok({ prompt: 'p', inputs: [video()] }, sora2));
    expect(UnsupportedCapabilityError.isInstance(videoError)).toBe(true);
    expect(videoError).toMatchObject({ backend: 'openai-sora2', capability: 'video-input', model: 'sora-2' });
    const variantsError = caught(() => ok({ prompt: 'p', variants: 2 }, azureSora2));
    expect(variantsError).toMatchObject({ backend: 'azure-sora2', capability: 'variants' });
    expect(ok({ prompt: 'p', variants: 1 }, sora2).variants).toBe(1);
  });

  it('defaults: 720x1280, 4 s, 1 variant; the requested model passes through', () => {
    expect(ok({ prompt: 'p', model: 'my-deployment' }, azureSora2)).toMatchObject({
      backend: 'azure-sora2',
      baseModel: 'sora-2',
      model: 'my-deployment',
      size: '720x1280',
      seconds: 4,
      variants: 1,
    });
  });
});

describe('bad input never crashes', () => {
  it('reports every problem at once with field, value, allowed and backend', () => {
    const issues = issuesOf({ prompt: '', size: '1x1', seconds: 30, variants: 9 });
    expect(issues.map((issue) => issue.field)).toEqual(['prompt.length', 'size', 'seconds', 'variants']);
    for (const issue of issues) expect(issue.backend).toBe('azure-sora1');
  });

  it('turns shape errors into ValidationErrors', () => {
    for (const request of [
      null,
      42,
      {},
      { prompt: 5 },
      { prompt: 'p', seconds: '5' },
      { prompt: 'p', inputs: 'x' },
    ]) {
      expect(
        ValidationError.isInstance(
          caught(() => validateCreateRequest(request as unknown as CreateVideoRequest, sora1)),
        ),
      ).toBe(true);
    }
    expect(issuesOf({ prompt: 'p', seconds: '5' })[0]).toMatchObject({ field: 'seconds', value: '5' });
    expect(issuesOf({ prompt: 'p', seconds: '5' })[0]!.message).toMatch(
      /^seconds: "5" is not valid on azure-sora1 \(sora\); /,
    );
    expect(issuesOf({ prompt: 'p', inputs: [{ kind: 'audio', source: bytes }] })[0]!.field).toBe(
      'inputs[0].kind',
    );
    expect(issuesOf({ prompt: 'p', inputs: [{ kind: 'image' }] })[0]!.field).toBe('inputs[0].source');
  });
});
