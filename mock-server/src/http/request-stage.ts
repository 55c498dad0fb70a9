/**
 * Request stages: the cross-cutting steps every request of the emulator passes (request log,
 * faults, idempotency, `Connection: close` after a refusal), run around the routes as plain
 * functions of a `Request` instead of Hono middleware. A stage that has nothing to do calls on
 * synchronously, so a route that answers synchronously keeps the whole request synchronous:
 * `@hono/node-server` then writes the answer at once, without the promise chain Hono builds
 * for each middleware layer (on a status poll that chain cost more than the route itself).
 * @module
 */

import type { MiddlewareHandler } from 'hono';

/** What a route or a stage answers: a response, now or later. */
export type Answer = Response | Promise<Response>;

/**
 * One step around the routes: answers itself, or returns (or post-processes) what `next` answers.
 * `env` is what the server passed to `fetch` (on `@hono/node-server`: `{ incoming, outgoing }`).
 */
export type RequestStage = (request: Request, env: unknown, next: () => Answer) => Answer;

/** A handler of a request after the stages (the router's `fetch`). */
export type RequestHandler = (request: Request, env: unknown) => Answer;

/**
 * Applies `then` to an answer: at once when it is a response, once settled when it is a promise.
 * @example
 * return afterAnswer(next(), (response) => record(response));
 */
export function afterAnswer(answer: Answer, then: (response: Response) => Response): Answer {
  return answer instanceof Promise ? answer.then(then) : then(answer);
}

/**
 * Chains `stages` (the first is outermost) in front of `handler`.
 * @example
 * const fetch = chainStages([log.stage, faultStage], (request, env) => router.fetch(request, env));
 */
export function chainStages(stages: readonly RequestStage[], handler: RequestHandler): RequestHandler {
  return stages.reduceRight<RequestHandler>(
    (next, stage) => (request, env) => stage(request, env, () => next(request, env)),
    handler,
  );
}

/**
 * The path and query of a request as `new URL(url)` gives `pathname + search` for a URL the
 * server already normalised (Node servers and `new Request` both do).
 */
export function requestTarget(request: Request): string {
  const { url } = request;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return '/';
  const hash = url.indexOf('#', start);
  const target = hash < 0 ? url.slice(start) : url.slice(start, hash);
  // `URL.search` is empty for a bare `?`.
  return target.endsWith('?') && target.indexOf('?') === target.length - 1 ? target.slice(0, -1) : target;
}

/**
 * The Hono middleware form of a stage, for apps that compose with `app.use`.
 * @example
 * app.use('*', stageMiddleware(log.stage));
 */
export function stageMiddleware(stage: RequestStage): MiddlewareHandler {
  return async (c, next) => {
    let routed: Response | undefined;
    const answer = await stage(c.req.raw, c.env, async () => {
      await next();
      routed = c.res;
      return c.res;
    });
    if (routed === undefined) return answer;
    if (answer !== routed) c.res = answer;
    return undefined;
  };
}
