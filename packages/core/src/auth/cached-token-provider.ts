import { SoraKitError } from '../errors/sora-kit-error.js';
import { type AccessToken, COGNITIVE_SERVICES_SCOPE, type TokenCredential } from './token-credential.js';

/** Options of {@link createCachedTokenProvider}. */
export interface CachedTokenProviderOptions {
  /** Token scope (default `https://cognitiveservices.azure.com/.default`). */
  scope?: string;
  /** A token is renewed this long before it expires (default 5 minutes). */
  refreshMarginMs?: number;
  /** Time source in epoch ms (default `Date.now`). */
  now?: () => number;
}

/** Returns a bearer token; the same token until it is near expiry. */
export type BearerTokenProvider = () => Promise<string>;

const DEFAULT_MARGIN_MS = 5 * 60_000;

/**
 * Wraps a `TokenCredential` into a token provider that caches the token and asks for a new one
 * only when the cached token is within `refreshMarginMs` of expiry (or past its
 * `refreshAfterTimestamp`). Concurrent callers share one `getToken` call.
 * @example
 * const token = createCachedTokenProvider(new DefaultAzureCredential());
 * const headers = { authorization: `Bearer ${await token()}` };
 */
export function createCachedTokenProvider(
  credential: TokenCredential,
  options: CachedTokenProviderOptions = {},
): BearerTokenProvider {
  const scope = options.scope ?? COGNITIVE_SERVICES_SCOPE;
  const margin = options.refreshMarginMs ?? DEFAULT_MARGIN_MS;
  const now = options.now ?? Date.now;
  let cached: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;

  const fresh = (token: AccessToken | undefined): token is AccessToken => {
    if (token === undefined) return false;
    const time = now();
    if (token.refreshAfterTimestamp !== undefined && time >= token.refreshAfterTimestamp) return false;
    return time < token.expiresOnTimestamp - margin;
  };

  const fetchToken = async (): Promise<AccessToken> => {
    const token = await credential.getToken(scope);
    if (!token?.token) {
      throw new SoraKitError({ message: `the credential returned no token for scope ${scope}` });
    }
    return token;
  };

  return async () => {
    if (fresh(cached)) return cached.token;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    cached = await pending;
    return cached.token;
  };
}
