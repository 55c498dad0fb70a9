import { type BackendId, errorFromResponse, VideoApiError } from '@sora-kit/core';

/** The fields of an `openai` SDK `APIError` this function reads (no import of the SDK). */
interface SdkApiError extends Error {
  status: number | undefined;
  headers: Headers | undefined;
  error: unknown;
}

/** An error thrown by the `openai` SDK: an `APIError` or one of its subclasses, told by shape. */
function isSdkApiError(error: unknown): error is SdkApiError {
  return error instanceof Error && 'status' in error && 'error' in error && 'requestID' in error;
}

/** The SDK's class of an error, walking up its prototype chain (e.g. `APIConnectionTimeoutError`). */
function isSdkClass(error: Error, name: string): boolean {
  for (
    let proto = Object.getPrototypeOf(error);
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (proto.constructor?.name === name) return true;
  }
  return false;
}

/**
 * Turns what a Sora 2 call threw into the core errors. The provider's own fetch transport already
 * throws them (returned unchanged); a user abort becomes the signal's reason. Errors of the
 * `openai` SDK (for code that calls the SDK itself) are mapped as well: status errors through
 * `errorFromResponse` (with the body and headers), connection failures and timeouts into a
 * retryable `VideoApiError` (status 0), the SDK's abort error unchanged. Anything else is
 * returned unchanged.
 * @example
 * try {
 *   await openai.videos.retrieve('video_123');
 * } catch (error) {
 *   throw mapSora2Error(error, { backend: 'openai-sora2', url: openai.baseURL }); // e.g. NotFoundError
 * }
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
  if (!isSdkApiError(error)) return error;
  if (isSdkClass(error, 'APIUserAbortError')) return error;
  if (error.status === undefined || isSdkClass(error, 'APIConnectionError')) {
    return new VideoApiError({
      message: `network error calling ${context.backend}${context.url ? ` at ${context.url}` : ''}: ${error.message}`,
      status: 0,
      code: isSdkClass(error, 'APIConnectionTimeoutError') ? 'timeout' : 'network_error',
      isRetryable: true,
      backend: context.backend,
      ...(context.url ? { url: context.url } : {}),
      cause: error,
    });
  }
  return errorFromResponse({
    status: error.status,
    ...(error.headers ? { headers: error.headers } : {}),
    body: error.error !== undefined ? { error: error.error } : error.message,
    backend: context.backend,
    ...(context.model ? { model: context.model } : {}),
  });
}
