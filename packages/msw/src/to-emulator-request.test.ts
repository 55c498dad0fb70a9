import { describe, expect, it } from 'vitest';
import { toEmulatorRequest } from './to-emulator-request.js';

describe('toEmulatorRequest', () => {
  it('replaces the path prefix and keeps origin, query, method, headers and body', async () => {
    const request = new Request('https://proxy.example/api/v1/videos/v_1/remix?x=1', {
      method: 'POST',
      headers: { authorization: 'Bearer sk', 'content-type': 'application/json' },
      body: '{"prompt":"p"}',
    });
    const mapped = await toEmulatorRequest(request, '/api/v1', '/v1');
    expect(mapped?.url).toBe('https://proxy.example/v1/videos/v_1/remix?x=1');
    expect(mapped?.method).toBe('POST');
    expect(mapped?.headers.get('authorization')).toBe('Bearer sk');
    expect(await mapped?.text()).toBe('{"prompt":"p"}');
  });

  it('keeps the path when from and to are the same, and sends no body on GET', async () => {
    const mapped = await toEmulatorRequest(
      new Request('https://r.openai.azure.com/openai/v1/videos'),
      '/openai/v1',
      '/openai/v1',
    );
    expect(mapped?.url).toBe('https://r.openai.azure.com/openai/v1/videos');
    expect(mapped?.body).toBeNull();
  });

  it('returns undefined for a path outside the prefix, including a mere string prefix', async () => {
    expect(await toEmulatorRequest(new Request('https://a.example/v2/videos'), '/v1', '/v1')).toBeUndefined();
    expect(
      await toEmulatorRequest(new Request('https://a.example/v10/videos'), '/v1', '/v1'),
    ).toBeUndefined();
  });
});
