/**
 * The Hono middleware that applies HTTP faults before the dialect routes run. Control routes
 * (`/_emulator/*`) are never faulted, so a test can always clear what it injected.
 * @module
 */

import type { MiddlewareHandler } from 'hono';
import { getPath } from 'hono/utils/url';
import { type Answer, type RequestStage, stageMiddleware } from '../http/request-stage.js';
import type { HttpFaultStore, RouteFault } from './http-fault-store.js';

/** The default body of an injected fault: the `{ "error": {…} }` envelope every dialect reads. */
export function defaultFaultBody(status: number): {
  error: { message: string; type: string; param: null; code: string };
} {
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return {
    error: {
      message: `Injected fault: the emulator answered ${status} as configured through /_emulator/faults.`,
      type,
      param: null,
      code: status === 429 ? 'rate_limit_exceeded' : 'emulator_fault',
    },
  };
}

function faultResponse(fault: RouteFault): Response {
  const headers = new Headers(fault.headers ?? {});
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(fault.body ?? defaultFaultBody(fault.status)), {
    status: fault.status,
    headers,
  });
}

/**
 * Closes the client's connection without an answer: on a Node server, the socket (the
 * `incoming` binding of `@hono/node-server`). In-process (`app.fetch`, MSW) there is no socket
 * and the route's answer is returned.
 */
function dropConnection(env: unknown): void {
  const incoming = (env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming;
  incoming?.socket?.destroy();
}

/**
 * The fault request stage; `delay` waits host time (injected at the composition edge), and
 * `afterTake` runs once a request used up part of a fault (a durable emulator saves the counts).
 * Without faults it costs one check and calls on synchronously.
 * @example
 * const fetch = chainStages([createFaultStage(emulator.control.httpFaults, delay)], router.fetch);
 */
export function createFaultStage(
  faults: HttpFaultStore,
  delay: (ms: number) => Promise<void>,
  afterTake: () => void = () => {},
): RequestStage {
  const apply = async (request: Request, env: unknown, next: () => Answer, path: string) => {
    const { delayMs, latency, fault } = faults.take(request.method, path);
    afterTake();
    const afterRoute = latency?.afterRoute === true;
    if (delayMs > 0 && !afterRoute) await delay(delayMs);
    if (fault !== null) return faultResponse(fault);
    const response = await next();
    if (delayMs > 0 && afterRoute) await delay(delayMs);
    if (latency?.drop) dropConnection(env);
    return response;
  };
  return (request, env, next) => {
    if (faults.isEmpty()) return next();
    const path = getPath(request);
    if (path === '/_emulator' || path.startsWith('/_emulator/')) return next();
    return apply(request, env, next, path);
  };
}

/**
 * The fault stage as Hono middleware ({@link createFaultStage}), for an app of your own.
 * @example
 * app.use('*', createFaultMiddleware(emulator.control.httpFaults, (ms) => new Promise((r) => setTimeout(r, ms))));
 */
export function createFaultMiddleware(
  faults: HttpFaultStore,
  delay: (ms: number) => Promise<void>,
  afterTake: () => void = () => {},
): MiddlewareHandler {
  return stageMiddleware(createFaultStage(faults, delay, afterTake));
}
