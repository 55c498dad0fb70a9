// Benchmarks of @sora-kit/redis-gate (one command: `npm run bench -w @sora-kit/redis-gate`):
// 1. acquire + release round trip, Redis gate vs the in-process gate (reference), same run;
// 2. 8 processes x 50 generate() calls sharing one key (limit 2) against one emulator over HTTP:
//    throughput vs the ideal of 2 jobs always running.
// Environment: SORA_KIT_REDIS_URL (else a private redis-server), BENCH_PROCESSES (8),
// BENCH_JOBS (50 per process), BENCH_TIMING (emulator timing profile, fast: as `--timing fast`),
// BENCH_SPEED (emulator clock speed, 1), BENCH_ROUNDS (5000).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { InProcessConcurrencyGate } from '@sora-kit/core';
import { createEmulator } from '@sora-kit/emulator';
import { createRedisConcurrencyGate } from '@sora-kit/redis-gate';
import { benchRedis } from './redis.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5000);
const processes = Number(process.env.BENCH_PROCESSES ?? 8);
const jobs = Number(process.env.BENCH_JOBS ?? 50);
const timing = process.env.BENCH_TIMING ?? 'fast';
const speed = Number(process.env.BENCH_SPEED ?? 1);
const redis = await benchRedis();

async function roundTrip(gate) {
  for (let i = 0; i < 200; i++) (await gate.acquire()).release(); // warm-up
  const started = performance.now();
  for (let i = 0; i < rounds; i++) (await gate.acquire()).release();
  return ((performance.now() - started) * 1000) / rounds;
}

const inProcess = await roundTrip(new InProcessConcurrencyGate({ limit: 2 }));
const shared = createRedisConcurrencyGate({ url: redis.url, name: `bench-${randomUUID()}`, limit: 2 });
const onRedis = await roundTrip(shared);
await shared.close();
console.log(
  `acquire+release round trip: in-process ${inProcess.toFixed(2)} µs, redis ${onRedis.toFixed(1)} µs (${(onRedis / inProcess).toFixed(0)}x the in-process gate; ${rounds} rounds)`,
);

// 2. Processes sharing one key against one emulator (real clock at `speed`, the `timing` profile,
// quota 2 running jobs).
const emulator = createEmulator({ clock: 'real', speed, timing, quota: 'concurrent:2', logLevel: 'silent' });
const server = await emulator.listen(0, '127.0.0.1');
// Reference, same run: one job alone, through the same adapter and polling, start to completed.
const { createVideoClient } = await import('sora-kit');
const alone = createVideoClient({
  backend: 'openai-sora2',
  apiKey: `alone-${randomUUID()}`,
  baseURL: `${server.url}/v1`,
  poll: { intervalMs: 20 },
});
const aloneStart = performance.now();
await alone.generate({ prompt: 'bench reference', seconds: 4 }, { pollIntervalMs: 20 });
const jobMs = performance.now() - aloneStart;
const key = `bench-${randomUUID()}`;
const worker = new URL('./gate-worker.mjs', import.meta.url).pathname;
const started = performance.now();
const reports = await Promise.all(
  Array.from(
    { length: processes },
    () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [worker, redis.url, `${server.url}/v1`, key, String(jobs)], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
        });
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${code}`)),
        );
      }),
  ),
);
const elapsedMs = performance.now() - started;
const all = emulator.control.jobs().filter(({ record }) => record.partition.endsWith(key));
const total = processes * jobs;
const failed = reports.reduce((n, r) => n + r.errors, 0);
const refused = reports.reduce((n, r) => n + r.serviceFull, 0);
await server.close();
await redis.stop();
const idealMs = (total / 2) * jobMs;
console.log(
  `${processes} processes x ${jobs} jobs, one key, limit 2, emulator timing ${timing} speed ${speed}: ${(elapsedMs / 1000).toFixed(1)} s, ${(total / (elapsedMs / 1000)).toFixed(2)} jobs/s; ` +
    `ideal (2 always running, ${jobMs.toFixed(0)} ms each as one job alone takes) ${(idealMs / 1000).toFixed(1)} s: throughput ${(idealMs / elapsedMs).toFixed(2)} of ideal; ` +
    `${failed} failed, ${refused} service-full refusals, ${all.length} jobs on the emulator`,
);
