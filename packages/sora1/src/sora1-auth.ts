import { resolveAzureAuth } from '@sora-kit/core';
import type { Sora1ProviderOptions } from './sora1-provider-options.js';

/** Returns the auth header of one request. */
export type AuthHeaders = () => Promise<Record<string, string>>;

/**
 * Picks the auth scheme from the options: `api-key` for a key, `Authorization: Bearer` for a
 * credential (cached) or a token provider.
 * @throws {ValidationError} (field `auth`) unless exactly one of them is given.
 */
export function createSora1Auth(options: Sora1ProviderOptions): AuthHeaders {
  const auth = resolveAzureAuth(options, 'azure-sora1');
  if (auth.kind === 'apiKey') return async () => ({ 'api-key': auth.apiKey });
  return async () => ({ authorization: `Bearer ${await auth.token()}` });
}
