/**
 * Request ids: drawn from the seeded id source so transcripts are reproducible.
 * @module
 */

import type { Context, MiddlewareHandler } from 'hono';
import type { EmulatorEnv } from './emulator-env.js';

/** Options of {@link requestIdMiddleware}. */
export interface RequestIdOptions {
  /** Draws the next id (e.g. `() => engine.ids.requestId()`). */
  next: () => string;
  /** Response headers that carry the id (default `['x-request-id']`; Sora 1 adds `apim-request-id`). */
  headers?: readonly string[];
}

const DEFAULT_HEADERS: readonly string[] = ['x-request-id'];

/** The id each stamped or `jsonWithRequestId` response carries, so readers skip its headers. */
const idOfResponse = new WeakMap<Response, string>();

/**
 * The `x-request-id` a response carries, read without turning a server's plain header object
 * into a `Headers` when the emulator wrote it.
 */
export function requestIdOf(response: Response): string | null {
  return idOfResponse.get(response) ?? response.headers.get('x-request-id');
}

/** Draws the request's id (or reuses one an outer step set) and puts it on the context. */
function beginRequestId(c: Context<EmulatorEnv>, options: RequestIdOptions): void {
  c.set('requestId', c.get('requestId') ?? options.next());
  c.set('requestIdHeaders', options.headers ?? DEFAULT_HEADERS);
}

/** Sets the id headers a response lacks (an error answer, a `c.json`); returns it. */
function stampRequestId(c: Context<EmulatorEnv>, response: Response, headers: readonly string[]): Response {
  const id = c.get('requestId');
  // A response from jsonWithRequestId already carries the headers: reading `response.headers`
  // would turn the server's plain header object into a `Headers`, a large share of a poll's cost.
  const written = c.get('requestIdResponse') === response ? c.get('requestIdHeaders') : undefined;
  for (const header of headers) {
    if (written === undefined || !written.includes(header)) response.headers.set(header, id);
  }
  if (headers.includes('x-request-id')) idOfResponse.set(response, id);
  return response;
}

/**
 * Gives each request an id (`c.get('requestId')`) and sets it on the response, errors included.
 * Reuses an id an outer middleware already set, so nested dialect apps agree.
 * @example
 * app.use(requestIdMiddleware({ next: () => engine.ids.requestId() }));
 */
export function requestIdMiddleware(options: RequestIdOptions): MiddlewareHandler<EmulatorEnv> {
  const headers = options.headers ?? DEFAULT_HEADERS;
  return async (c, next) => {
    beginRequestId(c, options);
    await next();
    stampRequestId(c, c.res, headers);
  };
}

/**
 * The route-handler form of {@link requestIdMiddleware}: wraps one handler, so a route that
 * answers synchronously stays synchronous (no middleware layer in front of it).
 * @example
 * routes.get('/videos/:id', withRequestId({ next: () => engine.ids.requestId() }, (c) => c.json({})));
 */
export function withRequestId<C extends Context<EmulatorEnv>>(
  options: RequestIdOptions,
  handler: (c: C) => Response | Promise<Response>,
): (c: C) => Response | Promise<Response> {
  const headers = options.headers ?? DEFAULT_HEADERS;
  return (c) => {
    beginRequestId(c, options);
    const answer = handler(c);
    return answer instanceof Promise
      ? answer.then((response) => stampRequestId(c, response, headers))
      : stampRequestId(c, answer, headers);
  };
}

/**
 * A JSON response (`content-type: application/json`, like `c.json`) that already carries the
 * request id headers of {@link requestIdMiddleware}, built from one plain header object.
 * `headers` come before the id headers; pass them in name order to keep the wire order sorted.
 * @example
 * return jsonWithRequestId(c, toSora2Video(view), 200, { 'openai-poll-after-ms': '1000' });
 */
export function jsonWithRequestId(
  c: Context<EmulatorEnv>,
  body: unknown,
  status = 200,
  headers?: Readonly<Record<string, string>>,
): Response {
  const id = c.get('requestId');
  const names = c.get('requestIdHeaders');
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
  if (id !== undefined && names !== undefined) for (const name of names) all[name] = id;
  const response = new Response(JSON.stringify(body), { status, headers: all });
  if (id !== undefined && names !== undefined) {
    c.set('requestIdResponse', response);
    if (names.includes('x-request-id')) idOfResponse.set(response, id);
  }
  return response;
}
