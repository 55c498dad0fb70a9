/**
 * `@sora-kit/redis-gate`: a concurrency gate shared across processes on Redis.
 * @module
 */
export { createRedisConcurrencyGate } from './create-redis-concurrency-gate.js';
export { RedisConcurrencyGate, type RedisGateSettings } from './redis-concurrency-gate.js';
export type { RedisGateClient } from './redis-gate-client.js';
export type { RedisConcurrencyGateOptions, RedisGateConnection } from './redis-gate-options.js';
