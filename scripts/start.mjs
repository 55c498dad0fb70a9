#!/usr/bin/env node
// `npm start`: build the emulator (and what it depends on), then run it in the foreground.
// Extra arguments are passed through: `npm start -- --clock manual --port 4010`. PORT and HOST
// from the environment work too (default 127.0.0.1:4000). Ctrl+C stops the emulator cleanly.
// State persists in ./.sora-emulator/ of the checkout (git-ignored) unless --data DIR or
// SORA_EMULATOR_DATA choose another directory, or --no-persist keeps it in memory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const build = spawnSync(
  'npx',
  [
    'turbo',
    'run',
    'build',
    '--filter=@sora-kit/emulator...',
    '--output-logs=errors-only',
    '--log-prefix=none',
  ],
  { cwd: root, stdio: 'inherit', env },
);
if (build.status !== 0) process.exit(build.status ?? 1);

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
const run = spawnSync(process.execPath, [cli, ...args], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 0);
