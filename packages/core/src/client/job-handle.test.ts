import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { isHandle, parseHandle, toHandle } from './job-handle.js';

describe('job handles', () => {
  it('round-trips backend, id, scope and expiry', () => {
    const expiresAt = new Date(1_760_714_196_000);
    const handle = toHandle({ backend: 'azure-sora1', id: 'task_01:odd/id', scope: 'eastus', expiresAt });
    expect(handle).toBe('sora-kit:v1:azure-sora1:task_01%3Aodd%2Fid?scope=eastus&expires=1760714196');
    expect(isHandle(handle)).toBe(true);
    expect(parseHandle(handle)).toEqual({
      backend: 'azure-sora1',
      id: 'task_01:odd/id',
      scope: 'eastus',
      expiresAt,
    });
  });

  it('keeps the compact form when only backend and id are known', () => {
    expect(toHandle({ backend: 'openai-sora2', id: 'video_123' })).toBe('sora-kit:v1:openai-sora2:video_123');
    expect(parseHandle('sora-kit:v1:openai-sora2:video_123')).toEqual({
      backend: 'openai-sora2',
      id: 'video_123',
    });
    expect(isHandle('video_123')).toBe(false);
  });

  it('round-trips a backend id a provider brings, colons included', () => {
    const handle = toHandle({ backend: 'fal:luma-ray-2', id: 'op.eyJ9' });
    expect(handle).toBe('sora-kit:v1:fal%3Aluma-ray-2:op.eyJ9');
    expect(parseHandle(handle)).toEqual({ backend: 'fal:luma-ray-2', id: 'op.eyJ9' });
    expect(parseHandle('sora-kit:v1:google-veo:video_1')).toEqual({ backend: 'google-veo', id: 'video_1' });
  });

  it.each([
    'video_123',
    'sora-kit:v2:openai-sora2:video_1',
    'sora-kit:v1::video_1',
    'sora-kit:v1:%E0%A4%A:video_1',
    'sora-kit:v1:openai-sora2:',
    'sora-kit:v1:openai-sora2',
    'sora-kit:v1:openai-sora2:%E0%A4%A',
  ])('refuses %s with a ValidationError on field handle', (bad) => {
    let caught: unknown;
    try {
      parseHandle(bad);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).field).toBe('handle');
  });
});
