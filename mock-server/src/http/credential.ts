/**
 * Credentials and partitions. Jobs and quotas are partitioned by host family plus credential,
 * so parallel tests with distinct keys never see each other.
 * @module
 */

/** Which host family a request came to: `/v1` (OpenAI) or `/openai/v1` (Azure). */
export type HostFamily = 'openai' | 'azure';

/** The outcome of {@link authenticate}. */
export type AuthResult =
  | {
      /** The credential is acceptable. */
      readonly ok: true;
      /** The key or token. */
      readonly credential: string;
      /** `openai:<key>` or `azure:<key>`. */
      readonly partition: string;
    }
  | {
      /** Refused. */
      readonly ok: false;
      /** `missing`: no usable header; `invalid`: not the configured key. */
      readonly reason: 'missing' | 'invalid';
      /** The credential given, when any. */
      readonly credential?: string;
    };

/** The token of `Authorization: Bearer X`, if well-formed and non-empty. */
export function bearerToken(headers: Headers): string | undefined {
  const match = /^Bearer\s+(\S.*)$/i.exec(headers.get('authorization') ?? '');
  const token = match?.[1]?.trim();
  return token === undefined || token === '' ? undefined : token;
}

/**
 * Reads the credential: OpenAI accepts only `Authorization: Bearer`; Azure accepts `api-key`
 * (checked first, as the AzureOpenAI client sends it) or `Authorization: Bearer`.
 */
export function readCredential(headers: Headers, host: HostFamily): string | undefined {
  if (host === 'azure') {
    const key = headers.get('api-key')?.trim();
    if (key) return key;
  }
  return bearerToken(headers);
}

/** The partition of a credential on a host family. */
export function partitionOf(host: HostFamily, credential: string): string {
  return `${host}:${credential}`;
}

/**
 * Checks a request's credential against the configured key (`apiKey` undefined: any non-empty key).
 * @example
 * const auth = authenticate(c.req.raw.headers, 'azure', emulator.options.apiKey);
 * if (!auth.ok) throw unauthorized(auth.reason);
 */
export function authenticate(headers: Headers, host: HostFamily, apiKey: string | undefined): AuthResult {
  const credential = readCredential(headers, host);
  if (credential === undefined) return { ok: false, reason: 'missing' };
  if (apiKey !== undefined && credential !== apiKey) return { ok: false, reason: 'invalid', credential };
  return { ok: true, credential, partition: partitionOf(host, credential) };
}
