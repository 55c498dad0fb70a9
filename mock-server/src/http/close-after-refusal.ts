/**
 * Marks answers given before the request body was read (401 before any parsing, 413 from the
 * Content-Length or partway through the stream) with `Connection: close`: the connection is not
 * reused, and the Node server (see `lingering-close.ts`) reads and discards what the client is
 * still sending before it closes, so the client reads the status instead of a reset.
 * @module
 */

import type { MiddlewareHandler } from 'hono';

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding') && request.body !== null;
}

/**
 * The middleware: after the route answered, an error answer to a request whose body was not
 * (or not completely) read gets `Connection: close`.
 * @example
 * app.use('*', closeAfterRefusal());
 */
export function closeAfterRefusal(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const { status } = c.res;
    if (status < 400 || !hasBody(c.req.raw)) return;
    if (status !== 413 && c.req.raw.bodyUsed) return;
    try {
      c.res.headers.set('connection', 'close');
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('connection', 'close');
    }
  };
}
