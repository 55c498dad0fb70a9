/**
 * Process lifecycle of the ways to run the emulator: `npm start` (scripts/start.mjs, a wrapper
 * around a child process) and the `sora-emulator` bin. A SIGTERM (or SIGHUP) to the wrapper's pid,
 * as process managers and CI send, stops the emulator cleanly: exit code 0 and the port is free.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function startProcess(args: string[]): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SORA_KIT_START_NO_BUILD: '1', SORA_EMULATOR_DATA: '' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1]) resolve({ child, port: Number(match[1]), output: () => output });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${output}`)));
  });
}

/** True when nothing listens on the port any more (we can bind it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function stopWith(signal: NodeJS.Signals, args: string[]) {
  const { child, port, output } = await startProcess(args);
  expect((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).status).toBe(200);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill(signal);
  expect(await exited, output()).toBe(0);
  expect(await portIsFree(port)).toBe(true);
}

describe('stopping the emulator by signal to the process that was started', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('npm start (scripts/start.mjs): %s', (signal) =>
    stopWith(signal, ['scripts/start.mjs', '--port', '0', '--clock', 'manual', '--no-persist']),
  );

  it.each(['SIGTERM', 'SIGHUP'] as const)('the sora-emulator bin: %s', (signal) =>
    stopWith(signal, ['mock-server/bin/sora-emulator.mjs', '--port', '0', '--clock', 'manual']),
  );
});
