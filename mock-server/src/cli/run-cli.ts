/**
 * Command dispatch of the `sora-emulator` binary.
 * @module
 */

import { type CommandIo, runRenderCommand } from './render-command.js';
import { runServeCommand, type ServeCommandOptions } from './serve-command.js';

/**
 * Dispatches a command line (without `node` and the script): `serve` (the default when the
 * first argument is a flag or absent) or `render`. Resolves to the exit code.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(
  argv: string[],
  io: CommandIo = process,
  options: ServeCommandOptions = {},
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'render') return runRenderCommand(rest, io);
  if (command === 'serve') return runServeCommand(rest, io, options);
  if (command === undefined || command.startsWith('-')) return runServeCommand(argv, io, options);
  io.stderr.write(
    `sora-emulator: unknown command "${command}" (commands: serve, render)\nRun "sora-emulator --help" for usage.\n`,
  );
  return 2;
}
