/**
 * Test support: one app instance in its own OS process. Prints `ready`, waits for a `go` line on
 * stdin (so every instance starts at once), runs `count` generate() calls at once through
 * `createVideoClient` with a Redis gate, then prints one JSON line with what happened.
 * argv: redisUrl keyPrefix baseURL apiKey count leaseMs
 * @module
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { VideoClientEvent } from '@sora-kit/core';
import { createVideoClient } from 'sora-kit';
import { createRedisConcurrencyGate } from '../create-redis-concurrency-gate.js';

const [redisUrl, keyPrefix, baseURL, apiKey, count, leaseMs] = process.argv.slice(2);
const gate = createRedisConcurrencyGate({
  url: redisUrl!,
  keyPrefix: keyPrefix!,
  name: `openai:${apiKey}`,
  limit: 2,
  leaseMs: Number(leaseMs),
});
const events: VideoClientEvent['type'][] = [];
const client = createVideoClient({
  backend: 'openai-sora2',
  apiKey: apiKey!,
  baseURL: baseURL!,
  gate,
  maxServiceFullRetries: 0,
  retry: { maxAttempts: 1 },
  poll: { intervalMs: 50 },
  onEvent: (event) => events.push(event.type),
});
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await once(lines, 'line');
lines.close();
const results = await Promise.allSettled(
  Array.from({ length: Number(count) }, (_, n) =>
    client.generate({ prompt: `clip ${process.pid} ${n}`, seconds: 4 }, { pollIntervalMs: 50 }),
  ),
);
await gate.close();
process.stdout.write(
  `${JSON.stringify({
    completed: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.status] : [])),
    errors: results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : [])),
    serviceFull: events.filter((type) => type === 'service-full').length,
  })}\n`,
);
