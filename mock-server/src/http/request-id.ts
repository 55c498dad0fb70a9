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

/**
 * Gives each request an id (`c.get('requestId')`) and sets it on the response, errors included.
 * Reuses an id an outer middleware already set, so nested dialect apps agree.
 * @example
 * app.use(requestIdMiddleware({ next: () => engine.ids.requestId() }));
 */
export function requestIdMiddleware(options: RequestIdOptions): MiddlewareHandler<EmulatorEnv> {
  const headers = options.headers ?? ['x-request-id'];
  return async (c, next) => {
    const id = c.get('requestId') ?? options.next();
    c.set('requestId', id);
    c.set('requestIdHeaders', headers);
    await next();
    // A response from jsonWithRequestId already carries the headers: reading `c.res.headers`
    // would turn the server's plain header object into a `Headers`, a large share of a poll's cost.
    const written = c.get('requestIdResponse') === c.res ? c.get('requestIdHeaders') : undefined;
    for (const header of headers) {
      if (written === undefined || !written.includes(header)) c.res.headers.set(header, id);
    }
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
  if (id !== undefined && names !== undefined) c.set('requestIdResponse', response);
  return response;
}
