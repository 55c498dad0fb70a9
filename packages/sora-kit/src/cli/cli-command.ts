import type { CliIo } from './cli-io.js';

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
  -h, --help         show this help
`;
