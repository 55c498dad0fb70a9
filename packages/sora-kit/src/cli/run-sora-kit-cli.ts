/**
 * The `sora-kit` command line: dispatch to a subcommand, top-level help, and error reporting.
 * @module
 */
import { readFileSync } from 'node:fs';
import { characterCommand } from './character-command.js';
import type { CliCommand } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { contractCommand } from './contract-command.js';
import { deleteCommand } from './delete-command.js';
import { downloadCommand } from './download-command.js';
import { editCommand } from './edit-command.js';
import { emulatorCommand } from './emulator-command.js';
import { EXIT_CODES } from './exit-codes.js';
import { extendCommand } from './extend-command.js';
import { generateCommand } from './generate-command.js';
import { listCommand } from './list-command.js';
import { promptCommand } from './prompt-command.js';
import { remixCommand } from './remix-command.js';
import { reportError } from './report-error.js';
import { statusCommand } from './status-command.js';
import { UsageError } from './usage-error.js';
import { waitCommand } from './wait-command.js';

/** Every subcommand, in help order. */
export const COMMANDS: readonly CliCommand[] = [
  generateCommand,
  statusCommand,
  waitCommand,
  listCommand,
  downloadCommand,
  remixCommand,
  editCommand,
  extendCommand,
  characterCommand,
  deleteCommand,
  promptCommand,
  emulatorCommand,
  contractCommand,
];

/** Commands that parse their own flags (global flags are not moved behind them). */
const PASS_THROUGH = new Set(['emulator', 'contract']);

/** The top-level `--help`. */
export function topLevelUsage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return `Usage: sora-kit COMMAND [args] [flags]

Generate videos with Sora (Azure Sora 1, Azure Sora 2, OpenAI Sora 2), or offline with the
embedded emulator when no credentials are set.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n')}

Global flags: --backend ID, --json, -q/--quiet, -h/--help (see "sora-kit COMMAND --help").
Environment: OPENAI_API_KEY, OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY,
AZURE_OPENAI_DEPLOYMENT, SORA_KIT_BACKEND, SORA_KIT_EMULATOR_SPEED.
Exit codes: 0 ok, 1 job failed or API error, 2 usage or validation error, 3 timeout, 130 interrupted.

Example: sora-kit generate "a red fox in the snow" --out fox.mp4
`;
}

function version(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Global flags given before the subcommand, moved after it: `sora-kit --json list` = `sora-kit list --json`. */
function splitLeadingFlags(argv: string[]): { command: string | undefined; rest: string[] } {
  const leading: string[] = [];
  let index = 0;
  while (index < argv.length && argv[index]?.startsWith('-')) {
    const flag = argv[index] ?? '';
    leading.push(flag);
    index += 1;
    if (flag === '--backend' && index < argv.length) leading.push(argv[index++] ?? '');
  }
  return { command: argv[index], rest: [...argv.slice(index + 1), ...leading] };
}

/**
 * Runs the `sora-kit` command line (the arguments after the program name) and resolves to the
 * exit code; never throws and never reads `process.env` (pass `io.env`).
 * @example
 * process.exitCode = await runSoraKitCli(process.argv.slice(2), {
 *   stdout: process.stdout, stderr: process.stderr, env: process.env,
 * });
 */
export async function runSoraKitCli(argv: string[], io: CliIo): Promise<number> {
  const { command: name, rest } = splitLeadingFlags(argv);
  const json = argv.includes('--json');
  try {
    if (name === undefined) {
      if (argv.includes('--version') || argv.includes('-v')) {
        io.stdout.write(`${version()}\n`);
        return EXIT_CODES.ok;
      }
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout.write(topLevelUsage());
        return EXIT_CODES.ok;
      }
      if (argv.length > 0) throw new UsageError(`unknown flag "${argv[0]}" before the command`);
      io.stderr.write(topLevelUsage());
      return EXIT_CODES.usage;
    }
    if (name === 'help') {
      const topic = COMMANDS.find((command) => command.name === rest[0]);
      io.stdout.write(topic ? topic.usage : topLevelUsage());
      return EXIT_CODES.ok;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) {
      throw new UsageError(
        `unknown command "${name}"; commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')}`,
      );
    }
    const args = PASS_THROUGH.has(command.name) ? argv.slice(argv.indexOf(name) + 1) : rest;
    return await command.run(args, io);
  } catch (error) {
    return reportError(error, io, { json });
  }
}
