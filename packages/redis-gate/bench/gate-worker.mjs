// Bench worker: one process running `jobs` generate() calls at once through a shared Redis gate.
import { createRedisConcurrencyGate } from '@sora-kit/redis-gate';
import { createVideoClient } from 'sora-kit';

const [url, baseURL, key, jobs] = process.argv.slice(2);
const gate = createRedisConcurrencyGate({ url, name: `openai:${key}`, limit: 2, pollMs: 50 });
let serviceFull = 0;
const client = createVideoClient({
  backend: 'openai-sora2',
  apiKey: key,
  baseURL,
  gate,
  poll: { intervalMs: 20 },
  onEvent: (event) => {
    if (event.type === 'service-full') serviceFull++;
  },
});
const results = await Promise.allSettled(
  Array.from({ length: Number(jobs) }, (_, n) =>
    client.generate({ prompt: `bench ${process.pid} ${n}`, seconds: 4 }, { pollIntervalMs: 20 }),
  ),
);
await gate.close();
process.stdout.write(
  JSON.stringify({ errors: results.filter((r) => r.status === 'rejected').length, serviceFull }),
);
