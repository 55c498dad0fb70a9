import type { CliIo } from './cli-io.js';
import {
  type CommandOptions,
  type ParsedCommand,
  type PositionalRule,
  parseCommandArgs,
} from './parse-command-args.js';

/** One subcommand of `sora-kit`. */
export interface CliCommand {
  /** Its name (`generate`, `status`...). */
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** Its `--help` text. */
  readonly usage: string;
  /** Runs it with the arguments after its name; resolves to the exit code, throws for errors. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** The global flags' lines, appended to each subcommand's usage. */
export const GLOBAL_FLAGS_USAGE = `Global flags:
  --backend ID       azure-sora1 | azure-sora2 | openai-sora2 (default: from the environment)
  --json             print one JSON document on stdout (errors too), no progress
  -q, --quiet        nothing on stderr but errors
  --data DIR         without credentials: the embedded emulator keeps its jobs in DIR
                     (default: $SORA_KIT_DATA, else $XDG_DATA_HOME/sora-kit or ~/.local/share/sora-kit)
  --no-persist       without credentials: keep the embedded emulator's jobs in memory only
  -h, --help         show this help
`;

/** What {@link defineCommand} needs: the command's texts, its flags and arguments, and its body. */
export interface CommandSpec<O extends CommandOptions> {
  /** Its name. */
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** Its `--help` text. */
  readonly usage: string;
  /** Its own flags (the global ones are added). */
  readonly options: O;
  /** How many positional arguments it takes. */
  readonly positionals: PositionalRule;
  /** The command itself, with the arguments parsed (not called for `--help`). */
  run(parsed: ParsedCommand<O>, io: CliIo): Promise<number>;
}

/**
 * A subcommand that parses its arguments (unknown flags and wrong counts throw `UsageError`) and
 * prints its usage for `--help`, else runs `spec.run`.
 * @example
 * export const statusCommand = defineCommand({
 *   name: 'status', summary: 'show a job', usage: USAGE, options: {},
 *   positionals: { min: 1, max: 1, names: 'the job ID' }, run: async ({ positionals }, io) => 0,
 * });
 */
export function defineCommand<const O extends CommandOptions>(spec: CommandSpec<O>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    async run(argv, io) {
      const parsed = parseCommandArgs(spec.name, argv, spec.options, spec.positionals);
      if (parsed.global.help) {
        io.stdout.write(spec.usage);
        return 0;
      }
      return spec.run(parsed, io);
    },
  };
}
