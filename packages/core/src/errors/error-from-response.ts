import type { BackendId } from '../types.js';
import { ModelRetiredError } from './model-retired-error.js';
import { type HeadersInput, normalizeHeaders } from './normalize-headers.js';
import { NotFoundError } from './not-found-error.js';
import { QuotaExceededError, type QuotaReason } from './quota-exceeded-error.js';
import { parseRetryAfterMs } from './retry-after.js';
import { ServiceRetiredError } from './service-retired-error.js';
import { VideoApiError, type VideoApiErrorOptions } from './video-api-error.js';

/** An HTTP error response, as an adapter saw it. */
export interface ErrorResponseInput {
  /** HTTP status (>= 400). */
  status: number;
  /** Response headers in any shape. */
  headers?: HeadersInput;
  /** Parsed JSON, or the raw text (JSON text is parsed here), or nothing. */
  body?: unknown;
  /** The request URL. */
  url?: string;
  /** The backend that answered. */
  backend?: BackendId;
  /** The model or deployment of the request, reported by {@link ModelRetiredError}. */
  model?: string;
  /** Current time in epoch ms, for `retry-after` HTTP dates. Default `Date.now()`. */
  now?: number;
}

/** The fields of an error envelope, whichever dialect sent it. */
export interface ErrorEnvelopeFields {
  /** `message`. */
  message?: string;
  /** `code` (numbers become strings). */
  code?: string;
  /** `param`. */
  param?: string;
  /** `type`. */
  type?: string;
  /** Azure `inner_error.code`, e.g. `ResponsibleAIPolicyViolation`. */
  innerCode?: string;
}

const CONCURRENCY =
  /too many (?:running|concurrent|active|in[- ]progress|pending|queued)\b|concurren|(?:running|active) (?:tasks|jobs)|(?:tasks|jobs) running/i;
const BILLING = /insufficient_quota|check your plan and billing/i;
const SERVICE_RETIRED_CODE = /^(?:service|api)[_-]?(?:retired|shut[_-]?down|decommissioned|sunset)$/i;
const RETIRED_CODE = /model[_-]?(?:retired|deprecated|shut[_-]?down|decommissioned|sunset)/i;
const RETIRED_MESSAGE =
  /\b(?:retired|deprecated|shut ?down|decommissioned|no longer (?:available|supported))\b/i;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * Reads `{error:{code,message,param,type,inner_error}}` (OpenAI, Azure wrapped), the flat Azure
 * Sora 1 form `{code,message,param,type,inner_error}`, `{error:"text"}` and plain text.
 */
export function readErrorEnvelope(body: unknown): ErrorEnvelopeFields {
  if (typeof body === 'string') return body.trim() === '' ? {} : { message: body.trim().slice(0, 500) };
  if (body === null || typeof body !== 'object') return {};
  const outer = body as Record<string, unknown>;
  if (typeof outer.error === 'string') return { message: outer.error };
  const inner =
    outer.error !== null && typeof outer.error === 'object'
      ? (outer.error as Record<string, unknown>)
      : outer;
  const innerError = inner.inner_error ?? inner.innererror;
  return {
    message: text(inner.message),
    code: text(inner.code),
    param: text(inner.param),
    type: text(inner.type),
    innerCode:
      innerError !== null && typeof innerError === 'object'
        ? text((innerError as Record<string, unknown>).code)
        : undefined,
  };
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function quotaReason(fields: ErrorEnvelopeFields): QuotaReason {
  const haystack = `${fields.code ?? ''} ${fields.type ?? ''} ${fields.message ?? ''}`;
  if (BILLING.test(haystack)) return 'billing';
  if (CONCURRENCY.test(haystack)) return 'concurrency';
  return 'rate';
}

/**
 * Turns an HTTP error response of any dialect into the matching error class:
 * - 429 → {@link QuotaExceededError}: `reason: 'concurrency'` when the message or code speaks of
 *   too many running tasks/jobs or concurrency, `'billing'` for `insufficient_quota`, else `'rate'`;
 *   `retryAfterMs` from `retry-after-ms`, then `retry-after` (seconds or HTTP date).
 * - 404 or 410 with code `service_retired` → {@link ServiceRetiredError} (the whole service is shut
 *   down: the emulator's `--retired` answer); whose code or message says the model is
 *   retired/deprecated/shut down → {@link ModelRetiredError} (a kind of ServiceRetiredError).
 * - other 404 → {@link NotFoundError}.
 * - anything else → {@link VideoApiError} (retryable on 408/409/429/>=500, overridden by an
 *   `x-should-retry: true|false` header).
 * @example
 * const error = errorFromResponse({ status: response.status, headers: response.headers, body: await response.text(), url });
 * throw error;
 */
export function errorFromResponse(input: ErrorResponseInput): VideoApiError {
  const { status, url, backend } = input;
  const headers = normalizeHeaders(input.headers);
  const body = parseBody(input.body);
  const fields = readErrorEnvelope(body);
  const shouldRetry = headers['x-should-retry'];
  const options: VideoApiErrorOptions = {
    message: fields.message ?? `HTTP ${status}`,
    status,
    code: fields.code ?? fields.innerCode,
    param: fields.param,
    type: fields.type,
    requestId: headers['x-request-id'] ?? headers['apim-request-id'] ?? headers['x-ms-request-id'],
    isRetryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
    body,
    headers,
    url,
    backend,
  };
  if (status === 429) {
    return new QuotaExceededError({
      ...options,
      reason: quotaReason(fields),
      retryAfterMs: parseRetryAfterMs(headers, input.now),
    });
  }
  if ((status === 404 || status === 410) && SERVICE_RETIRED_CODE.test(fields.code ?? '')) {
    return new ServiceRetiredError({ ...options, ...(input.model ? { model: input.model } : {}) });
  }
  if (
    (status === 404 || status === 410) &&
    (RETIRED_CODE.test(fields.code ?? '') || RETIRED_MESSAGE.test(fields.message ?? ''))
  ) {
    return new ModelRetiredError({ ...options, model: input.model });
  }
  if (status === 404) return new NotFoundError(options);
  return new VideoApiError(options);
}
