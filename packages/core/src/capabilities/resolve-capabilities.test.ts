import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { DEFAULT_CAPABILITIES, resolveCapabilities } from './index.js';

describe('DEFAULT_CAPABILITIES', () => {
  it('holds the documented Sora 1 limits (contracts 2.5, ruling 4)', () => {
    const sora = DEFAULT_CAPABILITIES['azure-sora1'].models.sora!;
    expect(sora.sizes).toEqual([
      '480x480',
      '480x854',
      '854x480',
      '720x720',
      '720x1280',
      '1280x720',
      '1080x1080',
      '1080x1920',
      '1920x1080',
    ]);
    expect([sora.seconds, sora.defaultSeconds]).toEqual([{ min: 1, max: 20 }, 5]);
    const variantsBySize = Object.fromEntries(
      sora.sizes.map((size) => [size, sora.variants.maxBySize[size] ?? sora.variants.max]),
    );
    expect(variantsBySize).toEqual({
      '480x480': 4,
      '480x854': 4,
      '854x480': 4,
      '720x720': 2,
      '720x1280': 2,
      '1280x720': 2,
      '1080x1080': 1,
      '1080x1920': 1,
      '1920x1080': 1,
    });
    expect(sora.inputs).toMatchObject({
      maxImages: 2,
      maxVideos: 1,
      mixImagesAndVideos: false,
      videoMaxSeconds: 5,
    });
    expect([sora.audio, sora.remix, sora.cancel, sora.maxConcurrentJobs, sora.retentionHours]).toEqual([
      false,
      false,
      true,
      2,
      24,
    ]);
    expect(sora.expiryBasis).toBe('finished_at');
  });

  it('holds the Sora 2 table per model (ruling 9) on both hosts', () => {
    for (const backend of ['openai-sora2', 'azure-sora2'] as const) {
      const { models, defaultModel } = DEFAULT_CAPABILITIES[backend];
      expect(defaultModel).toBe('sora-2');
      expect(models['sora-2']!.sizes).toEqual(['720x1280', '1280x720']);
      expect(models['sora-2']!.seconds).toEqual([4, 8, 12]);
      for (const caps of Object.values(models)) {
        expect([caps.defaultSeconds, caps.defaultSize, caps.variants.max]).toEqual([4, '720x1280', 1]);
        expect(caps.prompt.maxLength).toBe(32000);
        expect(caps.inputs).toMatchObject({ maxImages: 1, maxVideos: 0, imageMustMatchSize: true });
        expect([caps.audio, caps.remix, caps.cancel, caps.retentionHours]).toEqual([true, true, false, 24]);
      }
    }
    expect(DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2']!.expiryBasis).toBe('completed_at');
    expect(DEFAULT_CAPABILITIES['azure-sora2'].models['sora-2']!.expiryBasis).toBe('created_at');
    expect(DEFAULT_CAPABILITIES['azure-sora2'].models['sora-2']!.createRequestsPerMinute).toBe(2);
  });

  it('gives sora-2-pro on OpenAI the guide limits (16/20 s, 1080p); Azure keeps the schema limits', () => {
    const openaiPro = DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2-pro']!;
    expect(openaiPro.sizes).toEqual([
      '720x1280',
      '1280x720',
      '1024x1792',
      '1792x1024',
      '1920x1080',
      '1080x1920',
    ]);
    expect(openaiPro.seconds).toEqual([4, 8, 12, 16, 20]);
    const azurePro = DEFAULT_CAPABILITIES['azure-sora2'].models['sora-2-pro']!;
    expect(azurePro.sizes).toEqual(['720x1280', '1280x720', '1024x1792', '1792x1024']);
    expect(azurePro.seconds).toEqual([4, 8, 12]);
  });

  it('declares edits, extensions and characters on OpenAI only, with their limits', () => {
    for (const caps of Object.values(DEFAULT_CAPABILITIES['openai-sora2'].models)) {
      expect([caps.edit, caps.extend, caps.characters]).toEqual([true, true, true]);
      expect(caps.extension).toEqual({ seconds: [4, 8, 12, 16, 20], maxExtensions: 6, maxTotalSeconds: 120 });
      expect(caps.character).toEqual({
        maxPerVideo: 2,
        nameLength: { min: 1, max: 80 },
        clipMediaTypes: ['video/mp4'],
      });
    }
    for (const backend of ['azure-sora2', 'azure-sora1'] as const) {
      for (const caps of Object.values(DEFAULT_CAPABILITIES[backend].models)) {
        expect([caps.edit, caps.extend, caps.characters]).toEqual([false, false, false]);
      }
    }
  });

  it('names a source for every limit of every model', () => {
    const fields = [
      'sizes',
      'defaultSize',
      'seconds',
      'defaultSeconds',
      'maxSecondsBySize',
      'variants',
      'prompt',
      'inputs',
      'audio',
      'remix',
      'edit',
      'extend',
      'extension',
      'characters',
      'character',
      'cancel',
      'webhooks',
      'maxConcurrentJobs',
      'createRequestsPerMinute',
      'retentionHours',
      'expiryBasis',
    ] as const;
    for (const backend of Object.values(DEFAULT_CAPABILITIES)) {
      for (const caps of Object.values(backend.models)) {
        for (const field of fields) {
          expect(caps.sources[field], `${caps.backend} ${caps.model} ${field}`).toMatch(/\S/);
        }
      }
    }
  });

  it('is deeply frozen and every default is itself allowed', () => {
    expect(Object.isFrozen(DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2']!.sizes)).toBe(true);
    for (const backend of Object.values(DEFAULT_CAPABILITIES)) {
      for (const caps of Object.values(backend.models)) {
        expect(caps.sizes).toContain(caps.defaultSize);
        const { seconds } = caps;
        if (Array.isArray(seconds)) expect(seconds).toContain(caps.defaultSeconds);
        else expect(caps.defaultSeconds).toBeGreaterThanOrEqual((seconds as { min: number }).min);
      }
    }
  });
});

describe('resolveCapabilities', () => {
  it('defaults the model and follows dated aliases', () => {
    expect(resolveCapabilities('openai-sora2').model).toBe('sora-2');
    expect(resolveCapabilities('openai-sora2', 'sora-2-pro-2025-10-06').model).toBe('sora-2-pro');
    expect(resolveCapabilities('azure-sora1').model).toBe('sora');
  });

  it('refuses an unknown OpenAI model, naming the allowed ones', () => {
    const error = (() => {
      try {
        resolveCapabilities('openai-sora2', 'sora-3');
      } catch (caught) {
        return caught;
      }
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).message).toBe(
      'model: sora-3 is not a known model on openai-sora2; allowed: sora-2, sora-2-pro',
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'treats %s as an unknown model, alias, deployment model or backend (own names only)',
    (name) => {
      expect(() => resolveCapabilities('openai-sora2', name)).toThrow(/is not a known model/);
      expect(resolveCapabilities('azure-sora2', name).model).toBe('sora-2');
      expect(() => resolveCapabilities('azure-sora2', 'd', { deploymentModel: name })).toThrow(
        /is not a known model/,
      );
      expect(() => resolveCapabilities(name)).toThrow(ValidationError);
      const merged = resolveCapabilities('openai-sora2', 'sora-2', {
        overrides: JSON.parse(`{"${name}": {"polluted": true}, "audio": false}`),
      });
      expect(merged.audio).toBe(false);
      expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    },
  );

  it('maps Azure deployment names to a base model', () => {
    expect(resolveCapabilities('azure-sora2', 'my-video-deployment').model).toBe('sora-2');
    expect(resolveCapabilities('azure-sora2', 'sora-2-pro').model).toBe('sora-2-pro');
    expect(resolveCapabilities('azure-sora2', 'prod', { deploymentModel: 'sora-2-pro' }).sizes).toContain(
      '1792x1024',
    );
    expect(resolveCapabilities('azure-sora1', 'my-sora-model').model).toBe('sora');
    expect(() => resolveCapabilities('azure-sora2', 'prod', { deploymentModel: 'sora-9' })).toThrow(
      'deploymentModel: sora-9 is not a known model on azure-sora2',
    );
  });

  it('merges overrides deeply, replacing arrays, without touching the defaults', () => {
    const widened = resolveCapabilities('openai-sora2', 'sora-2', {
      overrides: {
        seconds: [4, 8, 12, 16, 20],
        sizes: ['720x1280', '1280x720', '1024x1792', '1792x1024', '1920x1080', '1080x1920'],
        inputs: { maxImages: 2 },
        variants: { maxBySize: { '1920x1080': 1 } },
      },
    });
    expect(widened.seconds).toEqual([4, 8, 12, 16, 20]);
    expect(widened.sizes).toHaveLength(6);
    expect(widened.inputs.maxImages).toBe(2);
    expect(widened.inputs.imageMediaTypes).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(widened.variants).toEqual({ default: 1, max: 1, maxBySize: { '1920x1080': 1 } });
    expect(DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2']!.seconds).toEqual([4, 8, 12]);
    const narrowed = resolveCapabilities('azure-sora1', undefined, {
      overrides: { seconds: { max: 10 }, maxSecondsBySize: { '1920x1080': 10 } },
    });
    expect(narrowed.seconds).toEqual({ min: 1, max: 10 });
    expect(narrowed.maxSecondsBySize).toEqual({ '1920x1080': 10 });
  });

  it('reads a caller-supplied table', () => {
    const table = {
      ...DEFAULT_CAPABILITIES,
      'openai-sora2': {
        ...DEFAULT_CAPABILITIES['openai-sora2'],
        models: {
          ...DEFAULT_CAPABILITIES['openai-sora2'].models,
          'sora-3': { ...DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2']!, model: 'sora-3' },
        },
      },
    };
    expect(resolveCapabilities('openai-sora2', 'sora-3', { table }).model).toBe('sora-3');
  });
});
