/**
 * The one place Sora 1 errors become HTTP answers: the wrapped Azure envelope of ruling 2,
 * `{"error": {code, message, param, type}}`, with the status each error calls for.
 * @module
 */
import type { Sora1WrappedError } from '@sora-kit/core/wire';
import { EngineError } from '../../engine/index.js';
import { BodyError, WireError } from '../../http/index.js';
import { type HintClock, retryAfterHeaders } from '../../http/wait-hints.js';

/** Hints in emulated ms, for callers without a clock. */
const EMULATED_TIME: HintClock = { mode: 'manual', speed: 1 };

import { Sora1RequestError } from './sora1-request-error.js';

/** An error, rendered: status, JSON body and extra headers. */
export interface Sora1ErrorAnswer {
  /** HTTP status. */
  readonly status: number;
  /** The wrapped Azure error body. */
  readonly body: Sora1WrappedError;
  /** Extra headers (`retry-after`, `retry-after-ms` on 429). */
  readonly headers: Readonly<Record<string, string>>;
}

const envelope = (
  code: string | null,
  message: string,
  param: string | null,
  type: string,
): Sora1WrappedError => ({
  error: { code, message, param, type },
});

/** Message of a 404 for a job or generation id. */
function notFoundMessage(id: string, reason: 'missing' | 'expired' | 'deleted'): string {
  const what = id.startsWith('gen_') ? 'generation' : 'job';
  const why = reason === 'missing' ? '' : ` (${reason})`;
  return `The specified ${what} '${id}' was not found${why}.`;
}

/**
 * Renders any thrown value. Engine errors: not found 404, quota 429 with `retry-after` (whole
 * seconds, rounded up) and `retry-after-ms` (ruling 3) in the client's wall time under `clock`, retired model 404/410 with code
 * `model_retired`, bad cursor or input 400. Body errors: 413 (too large) or 400. Shared
 * `WireError`s keep their fields. Anything unknown is a 500 that reveals nothing.
 * @example
 * app.onError((error, c) => { const a = renderSora1Error(error); return c.json(a.body, a.status, a.headers); });
 */
export function renderSora1Error(error: unknown, clock: HintClock = EMULATED_TIME): Sora1ErrorAnswer {
  if (Sora1RequestError.isInstance(error)) {
    return {
      status: error.status,
      body: envelope(error.code, error.message, error.param, error.type),
      headers: {},
    };
  }
  if (BodyError.isInstance(error)) {
    if (error.kind === 'too_large')
      return {
        status: 413,
        body: envelope('RequestEntityTooLarge', error.message, null, 'invalid_request_error'),
        headers: {},
      };
    if (error.kind === 'unsupported_media_type')
      return {
        status: 415,
        body: envelope('UnsupportedMediaType', error.message, null, 'invalid_request_error'),
        headers: {},
      };
    return {
      status: 400,
      body: envelope('BadRequest', error.message, error.field ?? null, 'invalid_request_error'),
      headers: {},
    };
  }
  if (WireError.isInstance(error)) {
    return {
      status: error.status,
      body: envelope(error.code, error.message, error.param, error.type),
      headers: error.headers,
    };
  }
  if (EngineError.isInstance(error)) {
    switch (error.code) {
      case 'job_not_found':
        return {
          status: 404,
          body: envelope(
            'NotFound',
            notFoundMessage(error.jobId, error.reason),
            null,
            'invalid_request_error',
          ),
          headers: {},
        };
      case 'quota_exceeded':
        return {
          status: 429,
          body: envelope('too_many_requests', error.message, null, 'rate_limit_error'),
          headers: retryAfterHeaders(error.retryAfterMs, clock),
        };
      case 'model_retired':
        return {
          status: error.status,
          body: envelope('model_retired', error.message, 'model', 'invalid_request_error'),
          headers: {},
        };
      case 'service_retired':
        return {
          status: error.status,
          body: envelope('service_retired', error.message, null, 'invalid_request_error'),
          headers: {},
        };
      case 'character_not_found':
        return {
          status: 404,
          body: envelope('NotFound', error.message, null, 'invalid_request_error'),
          headers: {},
        };
      case 'invalid_cursor':
        return {
          status: 400,
          body: envelope('BadRequest', error.message, error.param, 'invalid_request_error'),
          headers: {},
        };
      case 'invalid_input':
        return {
          status: 400,
          body: envelope('BadRequest', error.message, error.field, 'invalid_request_error'),
          headers: {},
        };
      case 'invalid_state':
        return {
          status: 400,
          body: envelope('BadRequest', error.message, null, 'invalid_request_error'),
          headers: {},
        };
      case 'invalid_config':
        return {
          status: 400,
          body: envelope('BadRequest', error.message, error.setting, 'invalid_request_error'),
          headers: {},
        };
    }
  }
  return {
    status: 500,
    body: envelope(
      'internal_error',
      'The server had an error while processing your request.',
      null,
      'server_error',
    ),
    headers: {},
  };
}
