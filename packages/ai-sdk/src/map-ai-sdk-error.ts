/**
 * Errors of AI SDK models -> sora-kit's error classes, so `VideoClient` retries what is
 * retryable and a router falls back past a failing or retired backend.
 * @module
 */
import { errorFromResponse, SoraKitError, VideoApiError } from '@sora-kit/core';

interface ApiCallErrorShape {
  message: string;
  url?: string;
  statusCode?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  isRetryable?: boolean;
}

/** Duck-typed `APICallError` of `@ai-sdk/provider` (any copy of it). */
function isApiCallError(error: unknown): error is ApiCallErrorShape {
  return (
    error instanceof Error &&
    (error.name === 'AI_APICallError' || Symbol.for('vercel.ai.error.AI_APICallError') in error)
  );
}

/**
 * A sora-kit error for whatever an AI SDK model threw: HTTP errors through `errorFromResponse`
 * (429 -> QuotaExceededError, retired model -> ModelRetiredError, 404 -> NotFoundError, ...),
 * network errors as retryable `VideoApiError`s (status 0); sora-kit errors unchanged.
 */
export function mapAiSdkError(error: unknown, backend: string, model: string): unknown {
  if (SoraKitError.isInstance(error)) return error;
  if (isApiCallError(error)) {
    if (error.statusCode !== undefined) {
      const mapped = errorFromResponse({
        status: error.statusCode,
        headers: error.responseHeaders ?? {},
        body: error.responseBody ?? error.message,
        backend,
        model,
        ...(error.url === undefined ? {} : { url: error.url }),
      });
      return mapped;
    }
    return new VideoApiError({
      message: error.message,
      status: 0,
      isRetryable: error.isRetryable ?? true,
      backend,
      cause: error,
      ...(error.url === undefined ? {} : { url: error.url }),
    });
  }
  return new VideoApiError({
    message: error instanceof Error ? error.message : String(error),
    status: 0,
    isRetryable: false,
    backend,
    cause: error,
  });
}
