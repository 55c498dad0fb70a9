import { type BackendId, errorFromResponse, VideoApiError } from '@sora-kit/core';
import OpenAI from 'openai';
import { rawErrorBody } from './sora2-openai-client.js';

/**
 * Turns what the `openai` SDK threw into the core errors: status errors through
 * `errorFromResponse` (with the whole body and headers), connection failures and timeouts into a
 * retryable `VideoApiError` (status 0), a user abort into the signal's reason. Anything else is
 * returned unchanged.
 */
export function mapSora2Error(
  error: unknown,
  context: {
    backend: BackendId;
    model?: string | undefined;
    signal?: AbortSignal | undefined;
    /** The base URL the call went to, named in network errors. */
    url?: string | undefined;
  },
): unknown {
  if (context.signal?.aborted) return context.signal.reason;
  if (!(error instanceof OpenAI.APIError)) return error;
  if (error instanceof OpenAI.APIUserAbortError) return error;
  if (error.status === undefined || error instanceof OpenAI.APIConnectionError) {
    return new VideoApiError({
      message: `network error calling ${context.backend}${context.url ? ` at ${context.url}` : ''}: ${error.message}`,
      status: 0,
      code: error instanceof OpenAI.APIConnectionTimeoutError ? 'timeout' : 'network_error',
      isRetryable: true,
      backend: context.backend,
      ...(context.url ? { url: context.url } : {}),
      cause: error,
    });
  }
  const raw = rawErrorBody(error);
  return errorFromResponse({
    status: error.status,
    ...(error.headers ? { headers: error.headers } : {}),
    body: raw !== undefined ? raw : error.error !== undefined ? { error: error.error } : error.message,
    backend: context.backend,
    ...(context.model ? { model: context.model } : {}),
  });
}
