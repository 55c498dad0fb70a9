/**
 * HTTP-level faults, applied in front of the dialect routes: the next N requests to a route fail
 * with a given status, body and headers, and requests can be delayed. Engine faults (job
 * failures, moderation, retired models) live in `engine.faults`.
 * @module
 */

import type { JsonValue } from '../engine/job-record.js';
import { headerNameSchema, headerValueSchema } from './control-schemas.js';
import { parseRoutePattern, type RoutePattern } from './route-pattern.js';

/** Make the next `count` requests matching `route` answer `status` with `body` and `headers`. */
export interface RouteFault {
  /** Pattern, e.g. `POST /v1/videos` or `* /openai/v1/video/generations/jobs*` (path only, no query). */
  readonly route: string;
  /** How many requests it still applies to (> 0). */
  readonly count: number;
  /** Status to answer, 400..599. */
  readonly status: number;
  /** JSON body (default: an `{ "error": {…} }` envelope naming the injected status). */
  readonly body?: JsonValue;
  /** Extra response headers, e.g. `retry-after`. */
  readonly headers?: { readonly [name: string]: string };
}

/**
 * Delay matching requests by `latencyMs` of host time (in either clock mode). With `afterRoute`
 * the route runs at once (a create makes its job) and its answer is what waits, as with a service
 * slower than the client's timeout; with `drop` the connection is then closed without an answer.
 */
export interface LatencyFault {
  /** Delay in ms (0..600 000). */
  readonly latencyMs: number;
  /** Run the route first, then wait (default false: wait, then run the route). */
  readonly afterRoute?: boolean;
  /** After the wait, close the connection instead of answering (fetch-only use: a network error). */
  readonly drop?: boolean;
  /** Pattern (default: every dialect request). */
  readonly route?: string;
  /** How many requests it still applies to (default: unlimited). */
  readonly count?: number;
}

/** What to do with one request. */
export interface HttpFaultDecision {
  /** Host-time delay before answering (0 for none). */
  readonly delayMs: number;
  /** The latency rule applied, if any (its `afterRoute` and `drop`). */
  readonly latency?: LatencyFault | null;
  /** The fault to answer with instead of the route, or null to proceed. */
  readonly fault: RouteFault | null;
}

/** The current HTTP faults. */
export interface HttpFaultList {
  /** Route faults, first match wins. */
  readonly routes: readonly RouteFault[];
  /** Latency rules, first match wins. */
  readonly latency: readonly LatencyFault[];
}

/** Holds HTTP faults and decides per request. */
export interface HttpFaultStore {
  /** Appends a route fault. @throws InvalidRoutePatternError, RangeError (also for a bad header name or value) */
  addRouteFault(fault: RouteFault): RouteFault;
  /** Appends a latency rule. @throws InvalidRoutePatternError, RangeError */
  addLatency(fault: LatencyFault): LatencyFault;
  /** The current faults, with remaining counts. */
  list(): HttpFaultList;
  /** True when no HTTP fault is configured (the middleware's fast path). */
  isEmpty(): boolean;
  /** Decides for one request and consumes one use of each rule applied. */
  take(method: string, path: string): HttpFaultDecision;
  /** Removes every HTTP fault. */
  clear(): void;
}

interface Entry<T> {
  fault: T;
  pattern: RoutePattern | null;
  remaining: number;
}

const PROCEED: HttpFaultDecision = { delayMs: 0, fault: null };

function checkCount(count: number | undefined, what: string): void {
  if (count !== undefined && (!Number.isSafeInteger(count) || count < 1)) {
    throw new RangeError(`${what}: count must be a positive integer`);
  }
}

function checkHeaders(headers: RouteFault['headers']): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    const badName = headerNameSchema.safeParse(name);
    if (!badName.success) {
      throw new RangeError(
        `route fault: header '${name}' ${badName.error.issues[0]?.message ?? 'is invalid'}`,
      );
    }
    const badValue = headerValueSchema.safeParse(value);
    if (!badValue.success) {
      throw new RangeError(
        `route fault: the value of header '${name}' ${badValue.error.issues[0]?.message ?? 'is invalid'}`,
      );
    }
  }
}

function takeFirst<T>(entries: Entry<T>[], method: string, path: string): T | null {
  const index = entries.findIndex((e) => e.pattern === null || e.pattern.matches(method, path));
  const entry = entries[index];
  if (entry === undefined) return null;
  entry.remaining--;
  if (entry.remaining <= 0) entries.splice(index, 1);
  return entry.fault;
}

/**
 * Creates an empty HTTP fault store.
 * @example
 * const faults = createHttpFaultStore();
 * faults.addRouteFault({ route: 'POST /v1/videos', count: 2, status: 500 });
 * faults.take('POST', '/v1/videos').fault?.status; // 500
 */
export function createHttpFaultStore(): HttpFaultStore {
  const routes: Entry<RouteFault>[] = [];
  const latency: Entry<LatencyFault>[] = [];
  return {
    addRouteFault(fault) {
      checkCount(fault.count, 'route fault');
      if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
        throw new RangeError('route fault: status must be an integer from 400 to 599');
      }
      checkHeaders(fault.headers);
      const pattern = parseRoutePattern(fault.route);
      const copy = { ...fault };
      routes.push({ fault: copy, pattern, remaining: fault.count });
      return copy;
    },
    addLatency(fault) {
      checkCount(fault.count, 'latency');
      if (!Number.isFinite(fault.latencyMs) || fault.latencyMs < 0 || fault.latencyMs > 600_000) {
        throw new RangeError('latency: latency_ms must be a number from 0 to 600000');
      }
      const pattern = fault.route === undefined ? null : parseRoutePattern(fault.route);
      const copy = { ...fault };
      latency.push({ fault: copy, pattern, remaining: fault.count ?? Number.POSITIVE_INFINITY });
      return copy;
    },
    list: () => ({
      routes: routes.map((e) => ({ ...e.fault, count: e.remaining })),
      latency: latency.map((e) =>
        Number.isFinite(e.remaining) ? { ...e.fault, count: e.remaining } : { ...e.fault },
      ),
    }),
    isEmpty: () => routes.length === 0 && latency.length === 0,
    take(method, path) {
      if (routes.length === 0 && latency.length === 0) return PROCEED;
      const delay = takeFirst(latency, method, path);
      return { delayMs: delay?.latencyMs ?? 0, latency: delay, fault: takeFirst(routes, method, path) };
    },
    clear() {
      routes.length = 0;
      latency.length = 0;
    },
  };
}
