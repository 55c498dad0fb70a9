import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../capabilities/index.js';
import { UnsupportedCapabilityError, ValidationError } from '../errors/index.js';
import { validateRemixRequest } from './index.js';

describe('validateRemixRequest', () => {
  const sora2 = resolveCapabilities('openai-sora2');

  it('accepts 1 and 32000 characters, refuses 0 and 32001', () => {
    expect(validateRemixRequest({ prompt: 'a' }, sora2)).toEqual({ prompt: 'a' });
    expect(validateRemixRequest({ prompt: 'a'.repeat(32000) }, sora2).prompt).toHaveLength(32000);
    for (const prompt of ['', 'a'.repeat(32001)]) {
      expect(() => validateRemixRequest({ prompt }, sora2)).toThrow(ValidationError);
    }
    expect(() => validateRemixRequest({ prompt: 'a'.repeat(32001) }, sora2)).toThrow(
      'prompt.length: 32001 is not allowed on openai-sora2 (sora-2); allowed: 1..32000',
    );
  });

  it('refuses remix on Sora 1 before anything else', () => {
    let error: unknown;
    try {
      validateRemixRequest({ prompt: '' }, resolveCapabilities('azure-sora1'));
    } catch (caught) {
      error = caught;
    }
    expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      capability: 'remix',
      backend: 'azure-sora1',
      message: 'remix is not supported on azure-sora1 (sora)',
    });
  });

  it('turns a malformed request into a ValidationError', () => {
    expect(() => validateRemixRequest({ prompt: 3 } as never, sora2)).toThrow(
      'prompt: 3 is not valid on openai-sora2 (sora-2)',
    );
  });
});
