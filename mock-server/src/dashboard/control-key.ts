/**
 * The guard of the dashboard and the control API when a control key is configured (the emulator
 * listens beyond loopback): the key comes as `x-emulator-key`, `Authorization: Bearer KEY` or
 * `?key=KEY` (what the dashboard's links carry).
 * @module
 */

import type { MiddlewareHandler } from 'hono';

/** The key a request carries for the control API, if any. */
export function controlKeyOf(request: Request): string | undefined {
  const header = request.headers.get('x-emulator-key');
  if (header) return header;
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer) return bearer.trim();
  return new URL(request.url).searchParams.get('key') ?? undefined;
}

/**
 * Middleware answering 401 unless the request carries `key`.
 * @example
 * app.use('/_emulator/*', requireControlKey('s3cret'));
 */
export function requireControlKey(key: string): MiddlewareHandler {
  return async (c, next) => {
    if (controlKeyOf(c.req.raw) === key) return next();
    const message =
      'The dashboard and the control API need the emulator key: send it as the x-emulator-key header, Authorization: Bearer KEY, or open /?key=KEY.';
    if (c.req.path === '/' && (c.req.header('accept') ?? '').includes('text/html')) {
      return c.text(message, 401);
    }
    return c.json({ error: { message, type: 'invalid_request_error', param: null, code: null } }, 401);
  };
}
