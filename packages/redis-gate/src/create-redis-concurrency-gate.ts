/**
 * `createRedisConcurrencyGate`: the shared gate from its options.
 * @module
 */
import { ValidationError } from '@sora-kit/core';
import { createClient } from 'redis';
import { RedisConcurrencyGate } from './redis-concurrency-gate.js';
import type { RedisGateClient } from './redis-gate-client.js';
import type { RedisConcurrencyGateOptions } from './redis-gate-options.js';

const DEFAULT_LEASE_MS = 30_000;

/** `redis://user:secret@host` -> `redis://user:***@host`, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'redis (unparsable URL)';
  }
}

function invalid(field: string, value: unknown, message: string): ValidationError {
  return new ValidationError({ issues: [{ field, value, message: `${field}: ${message}` }] });
}

/**
 * A concurrency gate shared by every process that uses the same `name` on one Redis: at most
 * `limit` slots held across all of them, granted in one FIFO order, each slot a lease of `leaseMs`
 * renewed while its job runs (a process killed with `kill -9` loses its slots within `leaseMs`).
 * Pass it to `createVideoClient({ ..., gate })`. Connects lazily; call `gate.close()` at shutdown.
 *
 * @throws {ValidationError} for a missing name or URL, or a limit/lease that is not a positive number.
 * @example
 * ```ts
 * import { createVideoClient } from 'sora-kit';
 * import { createRedisConcurrencyGate } from '@sora-kit/redis-gate';
 *
 * const gate = createRedisConcurrencyGate({ url: process.env.REDIS_URL!, name: 'openai:team-a', limit: 2 });
 * const client = createVideoClient({ backend: 'openai-sora2', apiKey: process.env.OPENAI_API_KEY!, gate });
 * await client.generate({ prompt: 'a red balloon over a lake' });
 * await gate.close();
 * ```
 */
export function createRedisConcurrencyGate(options: RedisConcurrencyGateOptions): RedisConcurrencyGate {
  const { name, limit } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  if (typeof name !== 'string' || name.trim() === '')
    throw invalid('name', name, 'must be a non-empty string');
  if (!Number.isSafeInteger(limit) || limit < 1) throw invalid('limit', limit, 'must be a whole number >= 1');
  if (!Number.isFinite(leaseMs) || leaseMs < 30) throw invalid('leaseMs', leaseMs, 'must be a number >= 30');
  if (options.fallback !== undefined && options.fallback !== 'error' && options.fallback !== 'in-process') {
    throw invalid('fallback', options.fallback, "must be 'error' or 'in-process'");
  }
  let client: RedisGateClient;
  let store: string;
  if (options.client) {
    client = options.client;
    store = 'redis';
  } else {
    if (typeof options.url !== 'string' || options.url === '') {
      throw invalid('url', options.url, 'give a redis:// URL or a node-redis client');
    }
    store = redactUrl(options.url);
    client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000) },
    }) as unknown as RedisGateClient;
  }
  return new RedisConcurrencyGate(client, {
    name,
    limit,
    leaseMs,
    keyPrefix: options.keyPrefix ?? 'sora-kit:gate:',
    pollMs: options.pollMs ?? Math.min(1000, Math.max(50, leaseMs / 10)),
    unavailableAfterMs: options.unavailableAfterMs ?? 5000,
    fallback: options.fallback ?? 'error',
    onWarning: options.onWarning ?? ((message) => console.warn(`sora-kit: ${message}`)),
    store,
    ownsClient: !options.client,
  });
}
