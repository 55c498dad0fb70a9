import { describe, expect, it } from 'vitest';
import { SoraKitError } from '../errors/sora-kit-error.js';
import { createCachedTokenProvider } from './cached-token-provider.js';
import type { AccessToken, TokenCredential } from './token-credential.js';

function counting(make: (call: number) => AccessToken | null) {
  const scopes: (string | string[])[] = [];
  const credential: TokenCredential = {
    async getToken(scope) {
      scopes.push(scope);
      return make(scopes.length);
    },
  };
  return { credential, scopes };
}

describe('createCachedTokenProvider', () => {
  it('reuses the token until refreshMarginMs before expiry, then asks again', async () => {
    let now = 0;
    const { credential, scopes } = counting((call) => ({
      token: `t${call}`,
      expiresOnTimestamp: now + 3_600_000,
    }));
    const token = createCachedTokenProvider(credential, { now: () => now });
    expect([await token(), await token()]).toEqual(['t1', 't1']);
    now = 3_600_000 - 5 * 60_000 - 1;
    expect(await token()).toBe('t1');
    now += 1;
    expect(await token()).toBe('t2');
    expect(scopes).toEqual([
      'https://cognitiveservices.azure.com/.default',
      'https://cognitiveservices.azure.com/.default',
    ]);
  });

  it('honours refreshAfterTimestamp, a custom scope and margin', async () => {
    let now = 0;
    const { credential, scopes } = counting((call) => ({
      token: `t${call}`,
      expiresOnTimestamp: now + 3_600_000,
      refreshAfterTimestamp: now + 1000,
    }));
    const token = createCachedTokenProvider(credential, {
      now: () => now,
      scope: 'https://ai.azure.com/.default',
      refreshMarginMs: 0,
    });
    expect(await token()).toBe('t1');
    now = 1000;
    expect(await token()).toBe('t2');
    expect(scopes[0]).toBe('https://ai.azure.com/.default');
  });

  it('shares one getToken call between concurrent callers', async () => {
    const { credential, scopes } = counting(() => ({
      token: 'shared',
      expiresOnTimestamp: Number.MAX_SAFE_INTEGER,
    }));
    const token = createCachedTokenProvider(credential);
    expect(await Promise.all([token(), token(), token()])).toEqual(['shared', 'shared', 'shared']);
    expect(scopes).toHaveLength(1);
  });

  it('throws a SoraKitError when the credential gives no token, and tries again next time', async () => {
    const { credential, scopes } = counting((call) =>
      call === 1 ? null : { token: 'late', expiresOnTimestamp: Number.MAX_SAFE_INTEGER },
    );
    const token = createCachedTokenProvider(credential);
    await expect(token()).rejects.toBeInstanceOf(SoraKitError);
    expect(await token()).toBe('late');
    expect(scopes).toHaveLength(2);
  });
});
