/**
 * Request ids: drawn from the seeded id source so transcripts are reproducible.
 * @module
 */

import type { MiddlewareHandler } from 'hono';
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
    await next();
    for (const header of headers) c.res.headers.set(header, id);
  };
}
