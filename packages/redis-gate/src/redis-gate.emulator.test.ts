import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createEmulator } from '@sora-kit/emulator';
import { describe, expect, it } from 'vitest';
import { sharedRedisUrl, uniquePrefix } from './test-support/redis-server.js';

const worker = fileURLToPath(new URL('./test-support/generate-worker-process.ts', import.meta.url));

interface WorkerReport {
  completed: string[];
  errors: string[];
  serviceFull: number;
}

/** Starts a worker process; `ready` resolves once it waits for `go()`, `report` when it is done. */
function startWorker(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.startsWith('ready\n')) markReady();
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
      else resolve(JSON.parse(out.slice('ready\n'.length).trim()) as WorkerReport);
    });
  });
  return { ready, report, go: () => child.stdin.end('go\n') };
}

describe('@sora-kit/redis-gate with the emulator', () => {
  it('three OS processes sharing one key (quota: 2 running jobs) never see a 429; the emulator refuses no create', async () => {
    const emulator = createEmulator({ clock: 'real', speed: 2, quota: 'concurrent:2', logLevel: 'silent' });
    const statuses: number[] = [];
    const server = serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch: async (request) => {
        const response = await emulator.app.fetch(request);
        if (request.method === 'POST') statuses.push(response.status);
        return response;
      },
    });
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const keyPrefix = uniquePrefix();
      const apiKey = `shared-${Date.now()}`;
      const args = [sharedRedisUrl(), keyPrefix, `${url}/v1`, apiKey, '3', '5000'];
      const workers = [startWorker(args), startWorker(args), startWorker(args)];
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.go();
      const reports = await Promise.all(workers.map((w) => w.report));
      expect(reports.flatMap((r) => r.errors)).toEqual([]);
      expect(reports.map((r) => r.completed)).toEqual([
        ['completed', 'completed', 'completed'],
        ['completed', 'completed', 'completed'],
        ['completed', 'completed', 'completed'],
      ]);
      expect(reports.map((r) => r.serviceFull)).toEqual([0, 0, 0]);
      const jobs = emulator.control.jobs().filter(({ record }) => record.partition.endsWith(apiKey));
      expect(jobs).toHaveLength(9);
      expect(statuses).toEqual(Array(9).fill(200));
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    }
  });
});
