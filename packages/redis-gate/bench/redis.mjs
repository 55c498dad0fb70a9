// Bench support: the Redis of a benchmark run: SORA_KIT_REDIS_URL, or a private redis-server
// (the Debian package) on a free loopback port, stopped at the end.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';

export async function benchRedis() {
  if (process.env.SORA_KIT_REDIS_URL) return { url: process.env.SORA_KIT_REDIS_URL, stop: async () => {} };
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const probe = createClient({ url, socket: { reconnectStrategy: false } });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.close();
      break;
    } catch {
      await sleep(25);
    }
  }
  return { url, stop: async () => child.kill('SIGKILL') };
}
