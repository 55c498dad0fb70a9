/**
 * Test helper: runs the real `sora-emulator` entry point (src/cli/main.ts through tsx) as a child
 * process and resolves once it listens; `kill9()` ends it the hard way.
 * @module
 */

import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

/** A running emulator process. */
export interface EmulatorProcess {
  /** Its base URL. */
  readonly url: string;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL, resolves once it exited. */
  kill9(): Promise<void>;
  /** SIGTERM, resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `sora-emulator ...args` (add `--port 0`); rejects with its output when it exits first. */
export async function startEmulatorProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<EmulatorProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', main, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`sora-emulator exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs `sora-emulator ...args` to completion; resolves to its exit code and output. */
export function runEmulatorProcess(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
