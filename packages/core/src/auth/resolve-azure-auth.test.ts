import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { resolveAzureAuth } from './resolve-azure-auth.js';
import type { TokenCredential } from './token-credential.js';

const credential = (token: string): TokenCredential & { scopes: (string | string[])[] } => {
  const scopes: (string | string[])[] = [];
  return {
    scopes,
    async getToken(scope) {
      scopes.push(scope);
      return { token, expiresOnTimestamp: 3_600_000 };
    },
  };
};

describe('resolveAzureAuth', () => {
  it('a key is sent as is; a token provider is used as is', async () => {
    expect(resolveAzureAuth({ apiKey: 'k' }, 'azure-sora1')).toEqual({ kind: 'apiKey', apiKey: 'k' });
    const auth = resolveAzureAuth({ tokenProvider: async () => 'tp' }, 'azure-sora2');
    expect(auth.kind === 'bearer' && (await auth.token())).toBe('tp');
  });

  it('a credential is wrapped in the cached token provider, with its scope and clock', async () => {
    const source = credential('entra');
    const auth = resolveAzureAuth(
      { credential: source, tokenScope: 'api://x/.default', now: () => 0 },
      'azure-sora1',
    );
    if (auth.kind !== 'bearer') throw new Error(`expected a bearer token, got ${auth.kind}`);
    expect([await auth.token(), await auth.token()]).toEqual(['entra', 'entra']);
    expect(source.scopes).toEqual(['api://x/.default']);
  });

  it('refuses none or several, naming the backend', () => {
    for (const [options, count] of [
      [{}, 0],
      [{ apiKey: '' }, 0],
      [{ apiKey: 'k', tokenProvider: async () => 't' }, 2],
      [{ apiKey: 'k', credential: credential('t'), tokenProvider: async () => 't' }, 3],
    ] as const) {
      let thrown: unknown;
      try {
        resolveAzureAuth(options, 'azure-sora2');
      } catch (error) {
        thrown = error;
      }
      expect(ValidationError.isInstance(thrown)).toBe(true);
      expect((thrown as ValidationError).issues[0]).toMatchObject({
        field: 'auth',
        backend: 'azure-sora2',
        message: `auth: give exactly one of apiKey, credential or tokenProvider (got ${count})`,
      });
    }
  });
});
