import { describe, expect, it } from 'vitest';
import { authenticate, readCredential } from './credential.js';

const headers = (init: Record<string, string>) => new Headers(init);

describe('credentials and partitions', () => {
  it('OpenAI reads only Bearer; Azure reads api-key first, then Bearer', () => {
    expect(readCredential(headers({ authorization: 'Bearer sk-1' }), 'openai')).toBe('sk-1');
    expect(readCredential(headers({ 'api-key': 'k' }), 'openai')).toBeUndefined();
    expect(readCredential(headers({ 'api-key': 'k', authorization: 'Bearer t' }), 'azure')).toBe('k');
    expect(readCredential(headers({ authorization: 'Bearer t' }), 'azure')).toBe('t');
    expect(readCredential(headers({ authorization: 'Basic abc' }), 'openai')).toBeUndefined();
    expect(readCredential(headers({ authorization: 'Bearer   ' }), 'openai')).toBeUndefined();
  });

  it('partitions by host and key; a configured key must match exactly', () => {
    expect(authenticate(headers({ authorization: 'Bearer a' }), 'openai', undefined)).toEqual({
      ok: true,
      credential: 'a',
      partition: 'openai:a',
    });
    expect(authenticate(headers({ 'api-key': 'a' }), 'azure', 'a')).toMatchObject({ partition: 'azure:a' });
    expect(authenticate(headers({ 'api-key': 'b' }), 'azure', 'a')).toEqual({
      ok: false,
      reason: 'invalid',
      credential: 'b',
    });
    expect(authenticate(headers({}), 'openai', 'a')).toEqual({ ok: false, reason: 'missing' });
  });
});
