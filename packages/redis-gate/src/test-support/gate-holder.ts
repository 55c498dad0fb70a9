/**
 * Test support: starts {@link ./gate-holder-process.ts} as a child process and reads its lines.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A line the holder process printed. */
export type HolderLine =
  | { type: 'acquired'; token: string }
  | { type: 'position'; position: number }
  | { type: 'released' }
  | { type: 'closed' }
  | { type: 'error'; message: string }
  | { type: 'warning'; message: string }
  | { type: 'event'; event: { type: string; [key: string]: unknown } };

/** A gate in another OS process. */
export interface GateHolder {
  readonly child: ChildProcess;
  readonly lines: HolderLine[];
  send(command: string): void;
  /** Resolves with the first line (from the start) matching `test`, waiting for it if needed. */
  next(test: (line: HolderLine) => boolean): Promise<HolderLine>;
  /** Kills the process with SIGKILL and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const script = fileURLToPath(new URL('./gate-holder-process.ts', import.meta.url));

/** Starts a holder process on gate `name`. */
export function startGateHolder(
  url: string,
  keyPrefix: string,
  name: string,
  limit: number,
  leaseMs: number,
): GateHolder {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, url, keyPrefix, name, String(limit), String(leaseMs)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: HolderLine[] = [];
  const waiting: {
    test: (line: HolderLine) => boolean;
    resolve: (line: HolderLine) => void;
    from: number;
  }[] = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = JSON.parse(buffer.slice(0, newline)) as HolderLine;
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      for (const entry of [...waiting]) {
        if (entry.test(line)) {
          waiting.splice(waiting.indexOf(entry), 1);
          entry.resolve(line);
        }
      }
    }
  });
  return {
    child,
    lines,
    send: (command) => child.stdin!.write(`${command}\n`),
    next(test) {
      const seen = lines.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiting.push({ test, resolve, from: lines.length }));
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
}
