/** A command line that cannot be run as given (unknown flag, missing argument); exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The subcommand whose `--help` explains the usage (undefined for the top level). */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
