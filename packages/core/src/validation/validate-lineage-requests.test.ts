import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../capabilities/index.js';
import { UnsupportedCapabilityError, ValidationError } from '../errors/index.js';
import { validateCharacterRequest, validateEditRequest, validateExtendRequest } from './index.js';

const sora2 = resolveCapabilities('openai-sora2');
const azure = resolveCapabilities('azure-sora2', 'my-deployment');
const sora1 = resolveCapabilities('azure-sora1');

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function validationOf(run: () => unknown): ValidationError {
  const error = caught(run);
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as ValidationError;
}

describe('validateEditRequest', () => {
  it('passes a prompt on OpenAI, refuses an empty one, and refuses edits on Azure and Sora 1', () => {
    expect(validateEditRequest({ prompt: 'make it night' }, sora2)).toEqual({ prompt: 'make it night' });
    expect(validationOf(() => validateEditRequest({ prompt: '' }, sora2)).field).toBe('prompt.length');
    for (const caps of [azure, sora1]) {
      const error = caught(() => validateEditRequest({ prompt: 'x' }, caps));
      expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ capability: 'edit', backend: caps.backend });
    }
  });
});

describe('validateExtendRequest', () => {
  it('accepts 4..20 s extensions and refuses other lengths naming seconds', () => {
    for (const seconds of [4, 8, 12, 16, 20]) {
      expect(validateExtendRequest({ prompt: 'p', seconds }, sora2).seconds).toBe(seconds);
    }
    const error = validationOf(() => validateExtendRequest({ prompt: 'p', seconds: 24 }, sora2));
    expect([error.field, error.value, error.allowed]).toEqual(['seconds', 24, [4, 8, 12, 16, 20]]);
    expect(error.message).toBe(
      'seconds: 24 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12, 16, 20',
    );
  });

  it('refuses a total over 120 s and a seventh extension when the source is known', () => {
    expect(
      validateExtendRequest({ prompt: 'p', seconds: 20 }, sora2, { id: 'video_1', seconds: 100 }).seconds,
    ).toBe(20);
    const total = validationOf(() =>
      validateExtendRequest({ prompt: 'p', seconds: 12 }, sora2, { id: 'video_1', seconds: 112 }),
    );
    expect([total.field, total.allowed]).toEqual(['seconds', [4, 8]]);
    expect(total.message).toBe(
      'seconds: 12 would make video_1 last 124 s; openai-sora2 (sora-2) allows at most 120 s in all (8 s left)',
    );
    const count = validationOf(() =>
      validateExtendRequest({ prompt: 'p', seconds: 4 }, sora2, {
        id: 'video_1',
        seconds: 28,
        extensions: 6,
      }),
    );
    expect(count.field).toBe('seconds');
    expect(count.message).toContain('has been extended 6 times');
    expect(
      validateExtendRequest({ prompt: 'p', seconds: 4 }, sora2, {
        id: 'video_1',
        seconds: 28,
        extensions: 5,
      }),
    ).toEqual({ prompt: 'p', seconds: 4 });
  });

  it('refuses extensions on Azure naming the backend', () => {
    const error = caught(() => validateExtendRequest({ prompt: 'p', seconds: 4 }, azure));
    expect(error).toMatchObject({ capability: 'extend', backend: 'azure-sora2' });
    expect((error as Error).message).toBe('extend is not supported on azure-sora2 (sora-2)');
  });
});

describe('validateCharacterRequest', () => {
  const clip = new Uint8Array([0, 0, 0, 24]);

  it('accepts names of 1..80 characters and an MP4 clip, defaulting the media type', () => {
    expect(validateCharacterRequest({ name: 'Mossy', video: clip }, sora2)).toEqual({
      name: 'Mossy',
      video: clip,
      mediaType: 'video/mp4',
    });
    expect(validateCharacterRequest({ name: '😀'.repeat(80), video: clip }, sora2).name).toHaveLength(160);
  });

  it('refuses an empty or 81-character name, a non-MP4 clip and a missing clip, naming the field', () => {
    expect(validationOf(() => validateCharacterRequest({ name: '', video: clip }, sora2)).message).toBe(
      'name.length: 0 is not allowed on openai-sora2 (sora-2); allowed: 1..80',
    );
    expect(
      validationOf(() => validateCharacterRequest({ name: 'x'.repeat(81), video: clip }, sora2)).field,
    ).toBe('name.length');
    const type = validationOf(() =>
      validateCharacterRequest({ name: 'x', video: new Blob([clip], { type: 'image/png' }) }, sora2),
    );
    expect([type.field, type.value, type.allowed]).toEqual(['video.mediaType', 'image/png', ['video/mp4']]);
    expect(validationOf(() => validateCharacterRequest({ name: 'x' } as never, sora2)).field).toBe('video');
  });

  it('refuses characters on Azure and Sora 1', () => {
    for (const caps of [azure, sora1]) {
      expect(caught(() => validateCharacterRequest({ name: 'x', video: clip }, caps))).toMatchObject({
        capability: 'characters',
        backend: caps.backend,
      });
    }
  });
});
