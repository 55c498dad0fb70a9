/**
 * What `remix`, `edit` and `extend` share: start a job from a finished one, print it, and with
 * `--wait` / `--out` follow it (progress) and save its video.
 * @module
 */
import type { VideoClient, VideoJob } from '@sora-kit/core';
import { checkOutPath } from './check-out-path.js';
import type { CliIo } from './cli-io.js';
import { followJob } from './follow-job.js';
import { writeJobResult } from './job-output.js';
import { createReporter, reportJobError, saveJobOutputs, signalOption, withJobClient } from './job-steps.js';
import { type GlobalFlags, timeoutFlag } from './parse-command-args.js';
import type { SavedFile } from './save-outputs.js';

/** The flags every derived-job command takes. */
export const DERIVED_JOB_OPTIONS = {
  wait: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
} as const;

/** Their usage lines. */
export const DERIVED_JOB_FLAGS_USAGE = `  --wait             wait for it, with progress
  -o, --out FILE     wait, then download it here
  --timeout SECONDS  give up waiting after this long (exit code 3; the job goes on)
`;

/**
 * Starts the job with `start(client, ref, signal)`, prints it, and follows it when asked.
 * @example
 * return runDerivedJob(io, 'edit', global, values, ref, (client, ref, call) => client.edit(ref, { prompt }, call));
 */
export async function runDerivedJob(
  io: CliIo,
  command: string,
  global: GlobalFlags,
  values: { wait?: boolean | undefined; out?: string | undefined; timeout?: string | undefined },
  ref: string,
  start: (client: VideoClient, ref: string, call: { signal?: AbortSignal }) => Promise<VideoJob>,
): Promise<number> {
  const timeoutMs = timeoutFlag(values.timeout);
  // Before anything starts: a paid job must not be created only to find it cannot be saved.
  await checkOutPath(command, io.cwd ?? process.cwd(), values.out);
  return withJobClient(io, command, global, ref, async (cli) => {
    const reporter = createReporter(io, global);
    let handle: string | undefined;
    try {
      let job = await start(cli.client, ref, signalOption(io));
      handle = cli.client.toHandle(job);
      let files: SavedFile[] = [];
      if (values.wait === true || values.out !== undefined) {
        reporter.note(`started ${handle}`);
        job = await followJob(cli, job, reporter, { signal: io.signal, timeoutMs });
        handle = cli.client.toHandle(job);
        if (values.out !== undefined) files = await saveJobOutputs(cli, job, io, values.out);
      }
      writeJobResult(io, global, job, handle, files);
      return 0;
    } catch (error) {
      if (handle === undefined) throw error;
      return reportJobError(error, io, global, cli, handle, values.out);
    }
  });
}
