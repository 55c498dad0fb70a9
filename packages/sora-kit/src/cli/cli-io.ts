/**
 * What the `sora-kit` command reads and writes: streams, environment, working directory and an
 * abort signal, all passed in so tests run the command in-process.
 * @module
 */

/** A stream the command writes to (`process.stdout`, `process.stderr`, or a test buffer). */
export interface CliOutput {
  /** Writes text. */
  write(text: string): unknown;
  /** True when the stream is a terminal (progress bars are redrawn in place only then). */
  isTTY?: boolean;
}

/** The command's surroundings. */
export interface CliIo {
  /** Results (job summaries, JSON documents). */
  stdout: CliOutput;
  /** Progress, notices and errors. */
  stderr: CliOutput;
  /** Environment variables (credentials, `SORA_KIT_EMULATOR_SPEED`); never `process.env` implicitly. */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
  /** Aborts the command (SIGINT); the command then exits with 130. */
  signal?: AbortSignal;
}
