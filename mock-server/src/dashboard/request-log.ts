/**
 * The last N requests the emulator answered (method, path, status, latency, request id), kept in
 * a ring buffer for the dashboard's "Requests" panel and `GET /_emulator/requests`.
 * @module
 */

import type { MiddlewareHandler } from 'hono';
import { wallTimeSource } from '../clock/system-time.js';
import { requestIdOf } from '../http/request-id.js';
import { afterAnswer, type RequestStage, requestTarget, stageMiddleware } from '../http/request-stage.js';

/** One answered request. */
export interface RequestLogEntry {
  /** Sequence number, from 1. */
  readonly seq: number;
  /** Host wall time it arrived, ms since the epoch. */
  readonly at: number;
  /** HTTP method. */
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  /** Response status. */
  readonly status: number;
  /** Host time spent answering, ms. */
  readonly latencyMs: number;
  /** The `x-request-id` of the answer, when it has one. */
  readonly requestId: string | null;
}

/** A bounded log of answered requests. */
export interface RequestLog {
  /** The newest entries first (at most `capacity`). */
  entries(): RequestLogEntry[];
  /** The request stage that records each request once answered (outermost, faults included). */
  readonly stage: RequestStage;
  /** The same as Hono middleware. */
  readonly middleware: MiddlewareHandler;
  /** Forgets every entry. */
  clear(): void;
}

/** Paths the log leaves out: the dashboard's own polling and assets. */
const QUIET = /^\/_emulator\/(dashboard(\/|$)|requests$)/;

/**
 * Creates a log of the last `capacity` requests.
 * @example
 * const log = createRequestLog(200);
 * app.use('*', log.middleware);
 */
export function createRequestLog(capacity = 200): RequestLog {
  const ring: RequestLogEntry[] = [];
  let seq = 0;
  const stage: RequestStage = (request, _env, next) => {
    const path = requestTarget(request);
    const query = path.indexOf('?');
    if (QUIET.test(query < 0 ? path : path.slice(0, query))) return next();
    const at = wallTimeSource();
    const started = performance.now();
    return afterAnswer(next(), (response) => {
      seq += 1;
      ring.push({
        seq,
        at,
        method: request.method,
        path,
        status: response.status,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        requestId: requestIdOf(response),
      });
      if (ring.length > capacity) ring.shift();
      return response;
    });
  };
  return {
    entries: () => ring.slice().reverse(),
    clear: () => {
      ring.length = 0;
    },
    stage,
    middleware: stageMiddleware(stage),
  };
}
