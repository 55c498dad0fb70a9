/**
 * How a request to an Azure resource authenticates, from the options both Azure adapters accept:
 * a resource key, or an Entra ID bearer token (from a credential, cached, or a token provider).
 * @module
 */
import { ValidationError } from '../errors/validation-error.js';
import type { BackendId } from '../types.js';
import { type BearerTokenProvider, createCachedTokenProvider } from './cached-token-provider.js';
import type { TokenCredential } from './token-credential.js';

/** The auth options of an Azure adapter. Give exactly one of `apiKey`, `credential`, `tokenProvider`. */
export interface AzureAuthOptions {
  /** Resource key, sent as the `api-key` header. */
  apiKey?: string;
  /**
   * Entra ID: any `@azure/identity` `TokenCredential` (e.g. `DefaultAzureCredential`). Tokens for
   * `tokenScope` are cached and renewed before they expire.
   */
  credential?: TokenCredential;
  /** Entra ID: a function returning a bearer token (e.g. `getBearerTokenProvider(...)`). */
  tokenProvider?: BearerTokenProvider;
  /** Token scope for `credential` (default `https://cognitiveservices.azure.com/.default`). */
  tokenScope?: string;
  /** Time source for token expiry, epoch ms (default `Date.now`). */
  now?: () => number;
}

/** The one way requests authenticate: a resource key, or a source of bearer tokens. */
export type AzureAuth =
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'bearer'; readonly token: BearerTokenProvider };

/**
 * Picks the auth of an Azure adapter; a `credential` is wrapped in {@link createCachedTokenProvider}.
 * @throws {ValidationError} (field `auth`, naming `backend`) unless exactly one of `apiKey`,
 * `credential` and `tokenProvider` is given.
 * @example
 * const auth = resolveAzureAuth({ credential: new DefaultAzureCredential() }, 'azure-sora1');
 * const headers = auth.kind === 'apiKey' ? { 'api-key': auth.apiKey } : { authorization: `Bearer ${await auth.token()}` };
 */
export function resolveAzureAuth(options: AzureAuthOptions, backend: BackendId): AzureAuth {
  const given = [options.apiKey, options.credential, options.tokenProvider].filter(
    (value) => value !== undefined && value !== '',
  );
  if (given.length !== 1) {
    throw new ValidationError({
      issues: [
        {
          field: 'auth',
          value: given.length,
          backend,
          message: `auth: give exactly one of apiKey, credential or tokenProvider (got ${given.length})`,
        },
      ],
    });
  }
  const { apiKey, credential, tokenProvider } = options;
  if (apiKey) return { kind: 'apiKey', apiKey };
  if (tokenProvider) return { kind: 'bearer', token: tokenProvider };
  return {
    kind: 'bearer',
    token: createCachedTokenProvider(credential!, {
      ...(options.tokenScope ? { scope: options.tokenScope } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
  };
}
