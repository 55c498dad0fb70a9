/**
 * `sora-kit emulator`: runs the standalone emulator (the `sora-emulator serve` command of
 * `@sora-kit/emulator`) until Ctrl+C.
 * @module
 */
import { loadOptionalPackage } from '../load-optional-package.js';
import type { CliCommand } from './cli-command.js';
import type { CliIo } from './cli-io.js';

const USAGE_HEAD = `Usage: sora-kit emulator [flags]

Runs the sora-kit emulator in the foreground (the same as "sora-emulator serve"); its jobs last
while it runs, so status, wait, list, download, remix and delete can use it from another terminal:
  export OPENAI_BASE_URL=http://127.0.0.1:4000/v1 OPENAI_API_KEY=sk-test

The flags are those of sora-emulator:

`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { runServeCommand } = await loadOptionalPackage(
    () => import('@sora-kit/emulator/cli'),
    '@sora-kit/emulator',
    'sora-kit emulator',
  );
  if (argv.includes('--help') || argv.includes('-h')) io.stdout.write(USAGE_HEAD);
  return runServeCommand(argv, io, { env: io.env, ...(io.signal ? { signal: io.signal } : {}) });
}

/** The `emulator` subcommand. */
export const emulatorCommand: CliCommand = {
  name: 'emulator',
  summary: 'run the local emulator (port 4000) for the other commands and your tests',
  usage: USAGE_HEAD,
  run,
};
