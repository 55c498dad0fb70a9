import type { AccessToken, TokenCredential } from '@azure/identity';

/**
 * A `TokenCredential` that creates `DefaultAzureCredential` on its first `getToken`, so
 * `@azure/identity` is loaded only when Entra ID is really used.
 */
export function lazyDefaultAzureCredential(): TokenCredential {
  let credential: TokenCredential | undefined;
  return {
    async getToken(scopes, options): Promise<AccessToken | null> {
      if (!credential) {
        const { DefaultAzureCredential } = await import('@azure/identity');
        credential = new DefaultAzureCredential();
      }
      return credential.getToken(scopes, options);
    },
  };
}
