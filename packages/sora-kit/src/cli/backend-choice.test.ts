import { describe, expect, it } from 'vitest';
import { offlineChoiceNote, refusalOn, suggestBackend } from './backend-choice.js';

describe('backend choice messages', () => {
  it('names the flags the default backend refuses, as typed', () => {
    const request = { prompt: 'a fox', seconds: 7 };
    const refusal = refusalOn('openai-sora2', request);
    expect(refusal).not.toBeNull();
    expect(refusalOn('azure-sora1', request)).toBeNull();
    expect(offlineChoiceNote('azure-sora1', refusal!, request)).toBe(
      '--seconds 7 is only allowed on azure-sora1: using it; pass --backend to choose',
    );
    const video = { prompt: 'x', inputs: [{ kind: 'video' as const, source: new Uint8Array(1) }] };
    expect(offlineChoiceNote('azure-sora1', refusalOn('openai-sora2', video)!, video)).toBe(
      '--video is only allowed on azure-sora1: using it; pass --backend to choose',
    );
  });

  it('suggests the first other backend that accepts the request, with what is missing', () => {
    expect(suggestBackend({ prompt: 'x', size: '1920x1080', model: 'sora-2-pro' }, {}, 'azure-sora2')).toBe(
      'openai-sora2 accepts it: set OPENAI_API_KEY, then pass --backend openai-sora2',
    );
    expect(
      suggestBackend(
        { prompt: 'x', size: '1920x1080', model: 'sora-2-pro' },
        { OPENAI_API_KEY: 'k' },
        'azure-sora2',
      ),
    ).toBe('openai-sora2 accepts it and is configured: pass --backend openai-sora2');
    expect(suggestBackend({ prompt: 'x', size: '100x100' }, {}, 'openai-sora2')).toBeUndefined();
  });
});
