#!/usr/bin/env node
// `npm start`: build the emulator (and what it depends on), then run it in the foreground.
// Extra arguments are passed through: `npm start -- --clock manual --port 4010`. PORT and HOST
// from the environment work too (default 127.0.0.1:4000). Ctrl+C stops the emulator cleanly.
// State persists in ./.sora-emulator/ of the checkout (git-ignored) unless --data DIR or
// SORA_EMULATOR_DATA choose another directory, or --no-persist keeps it in memory.
// SIGINT, SIGTERM and SIGHUP sent to this process are forwarded to the build or the emulator, and
// this process exits with the emulator's code (0 after a clean shutdown), so a process manager
// that stops `npm start` never leaves an emulator holding the port. SORA_KIT_START_NO_BUILD=1
// skips the build (the package is already built).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const EXIT_BY_SIGNAL = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Runs a child in the foreground, forwarding stop signals; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    for (const signal of SIGNALS) process.on(signal, forward);
    child.once('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      for (const s of SIGNALS) process.off(s, forward);
      resolve(code ?? EXIT_BY_SIGNAL[signal] ?? 1);
    });
  });
}

if (env.SORA_KIT_START_NO_BUILD !== '1') {
  const built = await run('npx', [
    'turbo',
    'run',
    'build',
    '--filter=@sora-kit/emulator...',
    '--output-logs=errors-only',
    '--log-prefix=none',
  ]);
  if (built !== 0) process.exit(built);
}

const cli = `${root}mock-server/dist/cli/main.js`;
if (!existsSync(cli)) {
  console.error(`The build did not produce ${cli}.`);
  process.exit(1);
}
const given = process.argv.slice(2);
const inMemory = given.includes('--no-persist');
const args = given.filter((arg) => arg !== '--no-persist');
const chosen = args.some((arg) => arg === '--data' || arg.startsWith('--data=')) || !!env.SORA_EMULATOR_DATA;
if (!inMemory && !chosen) args.push('--data', `${root}.sora-emulator`);
process.exit(await run(process.execPath, [cli, ...args]));
