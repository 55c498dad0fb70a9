/**
 * The one HTTP layer of the fetch-based adapters (`@sora-kit/sora1`, `@sora-kit/sora2`): base URL,
 * auth and fixed query on every request, JSON or multipart bodies, a per-request timeout, any
 * non-2xx answer through {@link errorFromResponse}, network failures and timeouts as a retryable
 * {@link VideoApiError} (status 0).
 * @module
 */
import { errorFromResponse } from '../errors/error-from-response.js';
import { ValidationError } from '../errors/validation-error.js';
import { VideoApiError } from '../errors/video-api-error.js';
import type { BackendId } from '../types.js';

/** What the HTTP layer of one provider needs. */
export interface ProviderHttpOptions {
  /** The backend named in errors. */
  backend: BackendId;
  /** Base URL that request paths are appended to, e.g. `https://api.openai.com/v1` (no trailing slash). */
  baseUrl: string;
  /** Query parameters of every request (e.g. `api-version`). */
  query?: Readonly<Record<string, string>>;
  /** The auth headers of one request (called per request, so tokens can renew). */
  auth: () => Record<string, string> | Promise<Record<string, string>>;
  /** Custom fetch (default the global one, looked up per call). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers of every request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The model or deployment, reported by `ModelRetiredError`. */
  model?: string | undefined;
  /**
   * Time in ms a request may take until its response headers arrive; then it fails with a
   * retryable `VideoApiError` (status 0, code `timeout`). Default: no limit.
   */
  timeoutMs?: number | undefined;
}

/** One request. */
export interface ProviderRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under the base URL, starting with `/`, its segments already encoded. */
  path: string;
  /** Query parameters; `undefined` values are left out. */
  query?: Readonly<Record<string, string | undefined>>;
  /** A JSON value, or a FormData (sent as multipart). */
  body?: unknown;
  /** `accept` header (default `application/json`). */
  accept?: string;
  /** Extra headers of this request (e.g. `Idempotency-Key`). */
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal | undefined;
}

/** Sends requests; resolves with 2xx responses, throws the core errors for everything else. */
export type ProviderHttp = (request: ProviderRequest) => Promise<Response>;

/** Thrown into fetch when the request's time is up. */
class RequestTimeout extends Error {}

/** Why fetch failed, with the cause node gives (`fetch failed (connect ECONNREFUSED ...)`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}

/**
 * Builds the request function of one provider.
 * @example
 * const http = createProviderHttp({
 *   backend: 'openai-sora2',
 *   baseUrl: 'https://api.openai.com/v1',
 *   auth: () => ({ authorization: `Bearer ${process.env.OPENAI_API_KEY}` }),
 * });
 * const video = await (await http({ method: 'GET', path: '/videos/video_123' })).json();
 */
export function createProviderHttp(options: ProviderHttpOptions): ProviderHttp {
  const { backend, baseUrl, model, timeoutMs } = options;
  if (options.headers !== undefined && Object.hasOwn(options.headers, '__proto__')) {
    // Objects built from header names (ours, and fetch's own) drop it: refuse it rather than lose it.
    throw new ValidationError({
      issues: [
        {
          field: 'headers.__proto__',
          value: Object.getOwnPropertyDescriptor(options.headers, '__proto__')?.value,
          message:
            'headers.__proto__: a header named __proto__ cannot be sent (objects built from header names drop it); choose another name',
        },
      ],
    });
  }
  const fixedQuery = Object.entries(options.query ?? {});
  const limited = timeoutMs !== undefined && Number.isFinite(timeoutMs);
  return async ({ method, path, query, body, accept, headers: extra, signal }) => {
    const url = new URL(`${baseUrl}${path}`);
    for (const [key, value] of fixedQuery) url.searchParams.set(key, value);
    if (query) {
      for (const key in query) {
        const value = query[key];
        if (value !== undefined) url.searchParams.set(key, value);
      }
    }
    // Later sources replace earlier ones whatever the letter case (`Authorization` vs `authorization`).
    const headers: Record<string, string> = { accept: accept ?? 'application/json' };
    for (const source of [options.headers, extra, await options.auth()]) {
      if (source) for (const name in source) headers[name.toLowerCase()] = source[name] as string;
    }
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    // A timeout needs its own signal: it aborts on the caller's abort or when the time is up.
    let controller: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (limited) {
      const own = new AbortController();
      controller = own;
      if (signal?.aborted) own.abort(signal.reason);
      else signal?.addEventListener('abort', () => own.abort(signal.reason), { once: true });
      timer = setTimeout(() => own.abort(new RequestTimeout()), Math.max(0, timeoutMs));
    }
    const init: RequestInit = { method, headers };
    if (payload !== undefined) init.body = payload;
    const sent = controller?.signal ?? signal;
    if (sent) init.signal = sent;
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(url, init);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const timedOut = controller?.signal.reason instanceof RequestTimeout;
      throw new VideoApiError({
        message: `network error calling ${backend} at ${url.origin}${url.pathname}: ${timedOut ? `no answer within ${timeoutMs} ms` : describe(error)}`,
        status: 0,
        code: timedOut ? 'timeout' : 'network_error',
        isRetryable: true,
        url: url.toString(),
        backend,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    throw errorFromResponse({
      status: response.status,
      headers: response.headers,
      body: text,
      url: url.toString(),
      backend,
      ...(model ? { model } : {}),
    });
  };
}
