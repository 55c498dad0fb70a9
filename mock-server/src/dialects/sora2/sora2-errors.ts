/**
 * The one place Sora 2 errors are rendered: engine, body and wire errors become a status, the
 * OpenAI envelope and headers (both hosts use the OpenAI envelope).
 * @module
 */

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { EmulatorContext } from '../../emulator-context.js';
import { EngineError } from '../../engine/errors.js';
import { BodyError } from '../../http/body-error.js';
import type { HostFamily } from '../../http/credential.js';
import type { EmulatorEnv } from '../../http/emulator-env.js';
import { maskCredential } from '../../http/mask-credential.js';
import { openAIErrorBody } from '../../http/openai-error-body.js';
import { type HintClock, retryAfterHeaders } from '../../http/wait-hints.js';
import { WireError } from '../../http/wire-error.js';

/** A 400 `invalid_request_error` naming the offending field. */
export function invalidParam(
  param: string | null,
  message: string,
  code: string | null = 'invalid_value',
): WireError {
  return new WireError({ status: 400, message, type: 'invalid_request_error', param, code });
}

/** The 401 of each host: OpenAI's "You didn't provide an API key" / "Incorrect API key", Azure's "Access denied". */
export function unauthorized(
  host: HostFamily,
  reason: 'missing' | 'invalid',
  credential?: string,
): WireError {
  if (host === 'azure') {
    return new WireError({
      status: 401,
      message:
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      type: 'invalid_request_error',
      code: '401',
    });
  }
  if (reason === 'missing') {
    return new WireError({
      status: 401,
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      type: 'invalid_request_error',
    });
  }
  const shown = credential === undefined ? '' : maskCredential(credential);
  return new WireError({
    status: 401,
    message: `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  });
}

/** Azure's 404 for a `model` that names no deployment (contracts 3). */
export function unknownDeployment(deployment: string): WireError {
  return new WireError({
    status: 404,
    message: `The API deployment '${deployment}' for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.`,
    type: 'video_generation_user_error',
  });
}

/** The 404 for content asked before completion (ruling 11, observed text). */
export function contentNotReady(host: HostFamily, phase: string): WireError {
  const prefix = host === 'azure' ? '/openai/v1' : '/v1';
  const message =
    phase === 'failed' || phase === 'cancelled'
      ? 'Video generation failed; the video has no content.'
      : `Video is not ready yet, use GET ${prefix}/videos/{video_id} to check status.`;
  return new WireError({ status: 404, message, type: 'invalid_request_error' });
}

function toWireError(error: unknown, clock: HintClock): WireError | undefined {
  if (WireError.isInstance(error)) return error;
  if (BodyError.isInstance(error)) {
    if (error.kind === 'too_large') {
      return new WireError({ status: 413, message: error.message, type: 'invalid_request_error' });
    }
    if (error.kind === 'invalid_field_name') {
      return invalidParam(error.field ?? null, error.message, 'unknown_parameter');
    }
    return new WireError({ status: 400, message: error.message, type: 'invalid_request_error' });
  }
  if (!EngineError.isInstance(error)) return undefined;
  switch (error.code) {
    case 'job_not_found':
      return new WireError({
        status: 404,
        message: `Video with id '${error.jobId}' not found.`,
        type: 'invalid_request_error',
      });
    case 'character_not_found':
      return new WireError({
        status: 404,
        message: `Character with id '${error.characterId}' not found.`,
        type: 'invalid_request_error',
      });
    case 'service_retired':
      return new WireError({
        status: error.status,
        message: error.message,
        type: 'invalid_request_error',
        code: 'service_retired',
      });
    case 'quota_exceeded':
      return new WireError({
        status: 429,
        message: error.message,
        type: 'requests',
        code: 'rate_limit_exceeded',
        headers: retryAfterHeaders(error.retryAfterMs, clock),
      });
    case 'invalid_state':
      return new WireError({ status: 400, message: error.message, type: 'invalid_request_error' });
    case 'model_retired':
      return new WireError({
        status: error.status,
        message: error.message,
        type: 'invalid_request_error',
        code: 'model_retired',
      });
    case 'invalid_cursor':
      return invalidParam(error.param, error.message);
    case 'invalid_input':
    case 'invalid_config':
      return invalidParam(error.code === 'invalid_input' ? error.field : error.setting, error.message);
  }
}

/**
 * Renders any error thrown by a Sora 2 route. Unknown errors are logged and answered 500.
 * @example
 * routes.onError((error, c) => renderSora2Error(error, c, emulator));
 */
export function renderSora2Error(
  error: unknown,
  c: Context<EmulatorEnv>,
  emulator: EmulatorContext,
): Response {
  const wire = toWireError(error, emulator.clock);
  if (wire === undefined) {
    emulator.log(
      'error',
      `Sora 2 route failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return c.json(
      openAIErrorBody({
        message: 'The server had an error while processing your request.',
        type: 'server_error',
      }),
      500,
    );
  }
  return c.json(openAIErrorBody(wire), wire.status as ContentfulStatusCode, { ...wire.headers });
}
