import { ValidationError } from '@sora-kit/core';
import { createCachedTokenProvider } from './cached-token-provider.js';
import type { Sora1ProviderOptions } from './sora1-provider-options.js';

/** Returns the auth header of one request. */
export type AuthHeaders = () => Promise<Record<string, string>>;

/**
 * Picks the auth scheme from the options: `api-key` for a key, `Authorization: Bearer` for a
 * credential (cached) or a token provider.
 * @throws {ValidationError} (field `auth`) unless exactly one of them is given.
 */
export function createSora1Auth(options: Sora1ProviderOptions): AuthHeaders {
  const given = [options.apiKey, options.credential, options.tokenProvider].filter(
    (value) => value !== undefined && value !== '',
  );
  if (given.length !== 1) {
    throw new ValidationError({
      issues: [
        {
          field: 'auth',
          value: given.length,
          backend: 'azure-sora1',
          message: `auth: give exactly one of apiKey, credential or tokenProvider (got ${given.length})`,
        },
      ],
    });
  }
  const { apiKey, credential } = options;
  if (apiKey) return async () => ({ 'api-key': apiKey });
  const token =
    options.tokenProvider ??
    createCachedTokenProvider(credential!, {
      ...(options.tokenScope ? { scope: options.tokenScope } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  return async () => ({ authorization: `Bearer ${await token()}` });
}
