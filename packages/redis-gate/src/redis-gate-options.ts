/**
 * Options of `createRedisConcurrencyGate`.
 * @module
 */
import type { RedisGateClient } from './redis-gate-client.js';

/** Where the gate's Redis is: a URL (the gate opens and closes its own connections) or a client. */
export type RedisGateConnection =
  | {
      /** `redis://[[user]:password@]host[:port][/db]` (or `rediss://`). */
      url: string;
      client?: never;
    }
  | {
      /**
       * A node-redis client (`createClient()` from `redis`), connected or not. The gate connects it
       * when needed, subscribes on a `duplicate()` of it, and never closes it.
       */
      client: RedisGateClient;
      url?: never;
    };

/** Options of `createRedisConcurrencyGate`. */
export type RedisConcurrencyGateOptions = RedisGateConnection & {
  /**
   * The gate's name: every process using the same name shares `limit` slots. Use the credential's
   * partition (e.g. `openai:<key id>` or `azure:<resource>`), never the key itself.
   */
  name: string;
  /** Most slots held at once across all processes (the service's running-jobs quota, e.g. 2). */
  limit: number;
  /**
   * How long a slot survives without renewal (ms, default 30000). The holder renews it every
   * `leaseMs / 3` while its job runs; a process that dies loses its slots at most `leaseMs` later.
   */
  leaseMs?: number;
  /** Prefix of the gate's Redis keys (default `sora-kit:gate:`). */
  keyPrefix?: string;
  /**
   * How often queued requests re-check the queue besides the wake-up published on every release
   * (ms, default `min(1000, max(50, leaseMs / 10))`).
   */
  pollMs?: number;
  /**
   * How long Redis may be unreachable before `acquire` gives up (ms, default 5000). Shorter
   * outages (a restart) are ridden through: holders keep their slots, waiters keep their places.
   */
  unavailableAfterMs?: number;
  /**
   * What to do when Redis stays unreachable: `'error'` (default) rejects `acquire` with
   * `GateUnavailableError`; `'in-process'` grants from an in-process gate of the same `limit`
   * (only this process's jobs are then counted: other processes may overrun the quota), with a warning.
   */
  fallback?: 'error' | 'in-process';
  /** Receives warnings (fallback, reclaimed or lost leases). Default `console.warn`. */
  onWarning?: (message: string) => void;
};
