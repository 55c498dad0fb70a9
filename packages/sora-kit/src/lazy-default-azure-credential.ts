import { type AccessToken, SoraKitError, type TokenCredential } from '@sora-kit/core';
import { loadOptionalPackage, MissingPackageError } from './load-optional-package.js';

/** What to do when no Entra ID credential works, in one line (not the credential chain's wall of errors). */
export const NO_ENTRA_CREDENTIAL =
  'Entra ID: no Azure credential is available for AZURE_OPENAI_ENDPOINT (AZURE_OPENAI_API_KEY is not set). ' +
  'Set AZURE_OPENAI_API_KEY to the resource key, or sign in with `az login` (or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET)';

/**
 * The one short error for a failed `DefaultAzureCredential` chain (`CredentialUnavailableError`,
 * `AggregateAuthenticationError`); other errors are returned unchanged. The chain's own error is
 * the `cause`.
 */
export function explainCredentialFailure(error: unknown): unknown {
  if (SoraKitError.isInstance(error) || MissingPackageError.isInstance(error)) return error;
  const name = (error as { name?: unknown })?.name;
  if (name === 'AggregateAuthenticationError' || name === 'CredentialUnavailableError') {
    return new SoraKitError({ message: NO_ENTRA_CREDENTIAL, cause: error });
  }
  return error;
}

/**
 * A `TokenCredential` that creates `DefaultAzureCredential` on its first `getToken`, so
 * `@azure/identity` (an optional peer of `sora-kit`) is loaded only when Entra ID is really used;
 * without it, `getToken` throws `MissingPackageError` telling how to install it. When no credential
 * of the chain works, it throws one short error ({@link NO_ENTRA_CREDENTIAL}).
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
      try {
        return await credential.getToken(scopes, options);
      } catch (error) {
        throw explainCredentialFailure(error);
      }
    },
  };
}
