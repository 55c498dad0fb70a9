/**
 * `sora-kit wait ID`: waits for a job with the progress display, optionally downloading it.
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { followJob } from './follow-job.js';
import { writeJobResult } from './job-output.js';
import { createReporter, ONE_JOB_ID, reportJobError, saveJobOutputs, withJobClient } from './job-steps.js';
import { type ParsedCommand, timeoutFlag } from './parse-command-args.js';

const USAGE = `Usage: sora-kit wait ID [flags]

Waits until a job completes, showing its progress; exits 1 if it fails.

  -o, --out FILE     then download it here (variants go to FILE-2.mp4...)
  --timeout SECONDS  give up after this long (exit code 3; the job goes on)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit wait 'sora-kit:v1:azure-sora1:task_123' --out lighthouse.mp4
`;

const OPTIONS = { out: { type: 'string', short: 'o' }, timeout: { type: 'string' } } as const;

async function run(
  { values, positionals, global }: ParsedCommand<typeof OPTIONS>,
  io: CliIo,
): Promise<number> {
  const ref = positionals[0] ?? '';
  const timeoutMs = timeoutFlag(values.timeout);
  return withJobClient(io, 'wait', global, ref, async (cli) => {
    const reporter = createReporter(io, global);
    try {
      const job = await followJob(cli, ref, reporter, { signal: io.signal, timeoutMs });
      const files = values.out === undefined ? [] : await saveJobOutputs(cli, job, io, values.out);
      writeJobResult(io, global, job, cli.client.toHandle(job), files);
      return 0;
    } catch (error) {
      return reportJobError(error, io, global, cli, ref, values.out);
    }
  });
}

/** The `wait` subcommand. */
export const waitCommand: CliCommand = defineCommand({
  name: 'wait',
  summary: 'wait for a job with a progress bar (and download it with --out)',
  usage: USAGE,
  options: OPTIONS,
  positionals: ONE_JOB_ID,
  run,
});
