/**
 * Test support: the Redis the tests use. `SORA_KIT_REDIS_URL` (set by `.ci/run`, or by the global
 * setup in global-redis.ts, which starts a private server when it is unset) names a shared
 * redis-server; each test takes its own key prefix there. Tests that stop and restart Redis start
 * a private `redis-server` (the Debian package `.ci/run` installs) on a free loopback port.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';

/** The shared Redis of the test run. */
export function sharedRedisUrl(): string {
  const url = process.env.SORA_KIT_REDIS_URL;
  if (!url) {
    throw new Error(
      'SORA_KIT_REDIS_URL is not set: start redis-server (e.g. `redis-server --port 6390 --save "" --daemonize yes`) and export SORA_KIT_REDIS_URL=redis://127.0.0.1:6390 (.ci/run does this)',
    );
  }
  return url;
}

/** A key prefix no other test uses. */
export function uniquePrefix(): string {
  return `sora-kit-test:${randomUUID()}:`;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A private redis-server that a test can stop and start again on the same port. */
export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** Starts (or starts again) the server; resolves when it answers PING. */
  start(): Promise<void>;
  /** Stops the server (SIGKILL: its in-memory data is gone). */
  stop(): Promise<void>;
}

/** Creates (does not start) a private redis-server on a free port, without persistence. */
export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    url,
    port,
    async start() {
      const bin = process.env.REDIS_SERVER_PATH ?? 'redis-server';
      child = spawn(
        bin,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      const started = child;
      const failed = new Promise<never>((_, reject) =>
        started.once('error', (error) => reject(new Error(`cannot start ${bin}: ${error.message}`))),
      );
      for (let attempt = 0; attempt < 200; attempt++) {
        const probe = createClient({ url, socket: { reconnectStrategy: false } });
        probe.on('error', () => undefined);
        try {
          await Promise.race([probe.connect(), failed]);
          await probe.ping();
          await probe.close();
          return;
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('cannot start')) throw error;
          await sleep(25);
        }
      }
      throw new Error(`redis-server on port ${port} did not answer`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
