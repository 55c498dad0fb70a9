/**
 * `sora-kit emulator` run as a process: SIGTERM or SIGHUP to its pid (what process managers and
 * CI send) shuts the server down cleanly: exit code 0 and the port is free.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/sora-kit.mjs', import.meta.url));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('sora-kit emulator as a process', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s stops it with exit code 0 and frees the port',
    async (signal) => {
      const child = spawn(process.execPath, [bin, 'emulator', '--port', '0', '--clock', 'manual'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SORA_EMULATOR_DATA: '' },
      });
      let output = '';
      const port = await new Promise<number>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
          if (match?.[1]) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill(signal);
      expect(await exited, output).toBe(0);
      expect(await portIsFree(port)).toBe(true);
    },
  );
});
