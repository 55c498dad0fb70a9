import { errorFromResponse, VideoApiError } from '@sora-kit/core';
import type { AuthHeaders } from './sora1-auth.js';

/** What the HTTP layer needs. */
export interface Sora1HttpOptions {
  /** `https://NAME.openai.azure.com/openai/v1`. */
  baseUrl: string;
  apiVersion: string;
  auth: AuthHeaders;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  /** The deployment, reported by `ModelRetiredError`. */
  model: string;
}

/** One request. */
export interface Sora1Request {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under the base URL, e.g. `/video/generations/jobs`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** JSON value or a FormData (multipart). */
  body?: unknown;
  accept?: string;
  /** Extra headers of this request (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** Sends requests; returns 2xx responses, throws the core errors for everything else. */
export type Sora1Http = (request: Sora1Request) => Promise<Response>;

/**
 * Builds the request function: auth and `api-version` on every call, any non-2xx through
 * `errorFromResponse`, network failures as a retryable `VideoApiError` (status 0).
 */
export function createSora1Http(options: Sora1HttpOptions): Sora1Http {
  return async ({ method, path, query, body, accept, headers: extra, signal }) => {
    const url = new URL(`${options.baseUrl}${path}`);
    url.searchParams.set('api-version', options.apiVersion);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = {
      accept: accept ?? 'application/json',
      ...options.headers,
      ...extra,
      ...(await options.auth()),
    };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await options.fetch(url, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new VideoApiError({
        message: `network error calling azure-sora1 at ${url.origin}${url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
        status: 0,
        code: 'network_error',
        isRetryable: true,
        url: url.toString(),
        backend: 'azure-sora1',
        cause: error,
      });
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    throw errorFromResponse({
      status: response.status,
      headers: response.headers,
      body: text,
      url: url.toString(),
      backend: 'azure-sora1',
      model: options.model,
    });
  };
}
