import type { AccessToken, TokenCredential } from '@sora-kit/core';
import { loadOptionalPackage } from './load-optional-package.js';

/**
 * A `TokenCredential` that creates `DefaultAzureCredential` on its first `getToken`, so
 * `@azure/identity` (an optional peer of `sora-kit`) is loaded only when Entra ID is really used;
 * without it, `getToken` throws `MissingPackageError` telling how to install it.
 */
export function lazyDefaultAzureCredential(): TokenCredential {
  let credential: TokenCredential | undefined;
  return {
    async getToken(scopes, options): Promise<AccessToken | null> {
      if (!credential) {
        const { DefaultAzureCredential } = await loadOptionalPackage(
          () => import('@azure/identity'),
          '@azure/identity',
          'Entra ID auth (AZURE_OPENAI_ENDPOINT without AZURE_OPENAI_API_KEY)',
        );
        credential = new DefaultAzureCredential() as TokenCredential;
      }
      return credential.getToken(scopes, options);
    },
  };
}
