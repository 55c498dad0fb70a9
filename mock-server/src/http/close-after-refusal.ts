/**
 * Marks answers given before the request body was read (401 before any parsing, 413 from the
 * Content-Length or partway through the stream) with `Connection: close`: the connection is not
 * reused, and the Node server (see `lingering-close.ts`) reads and discards what the client is
 * still sending before it closes, so the client reads the status instead of a reset.
 * @module
 */

import { bodyWasRead } from './read-body.js';
import { afterAnswer, type RequestStage } from './request-stage.js';

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding') && request.body !== null;
}

/** Marks `response` when it refuses `request` before its body was read; returns what to send. */
function markRefusal(request: Request, response: Response): Response {
  const { status } = response;
  if (status < 400 || !hasBody(request)) return response;
  if (status !== 413 && (request.bodyUsed || bodyWasRead(request))) return response;
  try {
    response.headers.set('connection', 'close');
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set('connection', 'close');
    return copy;
  }
}

/**
 * The request stage: after the route answered, an error answer to a request whose body was not
 * (or not completely) read gets `Connection: close`.
 * @example
 * const fetch = chainStages([closeAfterRefusal()], router.fetch);
 */
export function closeAfterRefusal(): RequestStage {
  return (request, _env, next) => afterAnswer(next(), (response) => markRefusal(request, response));
}
