/**
 * Waits for a job with the progress display, and says how to resume when the wait stops early.
 * @module
 */
import { AbortedError, TimeoutError, type VideoJob } from '@sora-kit/core';
import type { CliIo } from './cli-io.js';
import type { CliClient } from './open-client.js';
import type { ProgressReporter } from './progress-reporter.js';

/**
 * Waits until `ref` completes, drawing progress on `reporter`.
 * @throws {JobFailedError | TimeoutError | AbortedError} as `VideoClient.wait` does.
 */
export async function followJob(
  cli: CliClient,
  ref: string | VideoJob,
  reporter: ProgressReporter,
  options: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined },
): Promise<VideoJob> {
  try {
    return await cli.client.wait(ref, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(cli.pollIntervalMs === undefined ? {} : { pollIntervalMs: cli.pollIntervalMs }),
      onProgress: ({ status, progress }) => reporter.progress(status, progress),
    });
  } finally {
    reporter.done();
  }
}

/** For a timeout or interrupt: a hint on stderr to resume with `sora-kit wait HANDLE`. */
export function resumeHint(error: unknown, handle: string, io: CliIo, cli: CliClient, out?: string): void {
  if (!TimeoutError.isInstance(error) && !AbortedError.isInstance(error)) return;
  io.stderr.write(
    cli.embedded && !cli.stateLocation
      ? 'The job was on the embedded emulator, which stops with this command.\n'
      : `The job goes on; resume with: sora-kit wait '${handle}'${out === undefined ? '' : ` --out '${out.replaceAll("'", "'\\''")}'`}\n`,
  );
}
