/**
 * The per-handler wrapper of a dialect: what every answer of one dialect passes through (a
 * request id, a refusal before anything else such as a retired service or an unsupported
 * `api-version`, errors rendered in the dialect's envelope), applied to each route handler
 * instead of as Hono middleware. Each middleware layer would make a synchronous route
 * asynchronous; the wrapper keeps a route that answers synchronously (a status poll) synchronous.
 * @module
 */

import type { Context } from 'hono';
import type { EmulatorEnv } from './emulator-env.js';
import { type RequestIdOptions, withRequestId } from './request-id.js';
import type { Answer } from './request-stage.js';

/** A route handler with path parameters `P`. */
export type ScopedHandler<P extends string = string> = (c: Context<EmulatorEnv, P>) => Answer;

/** Wraps one route handler in a dialect's scope (see {@link dialectScope}). */
export type DialectScope = <P extends string = string>(handler: ScopedHandler<P>) => ScopedHandler<P>;

/** Options of {@link dialectScope}. */
export interface DialectScopeOptions {
  /** The request id: how it is drawn and the response headers that carry it. */
  ids: RequestIdOptions;
  /**
   * Checked before the handler runs: an error to answer with instead (the retired service, an
   * unsupported `api-version`), or `undefined` to run the handler.
   */
  refuse: (c: Context<EmulatorEnv>) => unknown;
  /** Renders an error (a refusal or anything the handler throws) in the dialect's envelope. */
  renderError: (error: unknown, c: Context<EmulatorEnv>) => Response;
}

/**
 * Builds a dialect's wrapper of route handlers: request id on every answer (errors included),
 * `refuse` first, errors rendered by `renderError`. A handler that answers synchronously is
 * answered synchronously.
 * @example
 * const scope = dialectScope({ ids: { next: () => newId() }, refuse: () => undefined, renderError });
 * routes.get('/videos/:video_id', scope<'/videos/:video_id'>((c) => c.json({ id: c.req.param('video_id') })));
 */
export function dialectScope(options: DialectScopeOptions): DialectScope {
  const { ids, refuse, renderError } = options;
  return <P extends string = string>(handler: ScopedHandler<P>): ScopedHandler<P> =>
    withRequestId<Context<EmulatorEnv, P>>(ids, (c) => {
      const refusal = refuse(c);
      if (refusal !== undefined) return renderError(refusal, c);
      try {
        const response = handler(c);
        return response instanceof Promise
          ? response.catch((error: unknown) => renderError(error, c))
          : response;
      } catch (error) {
        return renderError(error, c);
      }
    });
}
