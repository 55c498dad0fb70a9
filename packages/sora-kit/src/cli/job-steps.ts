/**
 * The steps the job subcommands share: open the client for a job, wait for it with progress,
 * save its outputs, and turn a failure after the job exists into an exit code.
 * @module
 */
import type { VideoJob } from '@sora-kit/core';
import type { CliIo } from './cli-io.js';
import { resumeHint } from './follow-job.js';
import { backendOfRef, type CliClient, openClient } from './open-client.js';
import type { GlobalFlags, PositionalRule } from './parse-command-args.js';
import { ProgressReporter, progressMode } from './progress-reporter.js';
import { reportError } from './report-error.js';
import { type SavedFile, saveOutputs } from './save-outputs.js';

/** The one positional argument of status, wait, download and delete. */
export const ONE_JOB_ID: PositionalRule = { min: 1, max: 1, names: 'the job ID' };

/** `{ signal }` when the command can be interrupted, else `{}`: spread into client options. */
export function signalOption(io: CliIo): { signal?: AbortSignal } {
  return io.signal ? { signal: io.signal } : {};
}

/**
 * Opens the client for a command on an existing job, runs `body` with it and closes it: the
 * backend is `--backend` or the handle's, and the embedded emulator is not offered (it would not
 * know the job).
 * @example
 * return withJobClient(io, 'status', global, ref, async (cli) => { ... return 0; });
 */
export async function withJobClient<T>(
  io: CliIo,
  command: string,
  global: GlobalFlags,
  ref: string,
  body: (cli: CliClient) => Promise<T>,
): Promise<T> {
  const cli = await openClient(io, {
    command,
    backend: global.backend ?? backendOfRef(ref),
    allowEmbedded: false,
    notice: !global.quiet,
    persist: global,
  });
  try {
    return await body(cli);
  } finally {
    await cli.close();
  }
}

/** The progress display on stderr, in the mode the global flags ask for. */
export function createReporter(io: CliIo, global: GlobalFlags): ProgressReporter {
  return new ProgressReporter(io.stderr, progressMode(io.stderr, global));
}

/** Saves every output of `job` under `out` (default `<job id>.mp4`), relative to the command's cwd. */
export function saveJobOutputs(
  cli: CliClient,
  job: VideoJob,
  io: CliIo,
  out: string | undefined,
): Promise<SavedFile[]> {
  return saveOutputs(cli.client, job, { out, cwd: io.cwd ?? process.cwd(), signal: io.signal });
}

/**
 * Reports an error raised once the job exists (exit code and message, naming `handle`) and, for a
 * timeout or interrupt, how to resume (with `--out` when one was given).
 * @returns the exit code.
 */
export function reportJobError(
  error: unknown,
  io: CliIo,
  global: GlobalFlags,
  cli: CliClient,
  handle: string,
  out?: string,
): number {
  const code = reportError(error, io, global, { handle });
  if (!global.json) resumeHint(error, handle, io, cli, out);
  return code;
}
