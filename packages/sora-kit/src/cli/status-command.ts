/**
 * `sora-kit status ID`: one read of a job.
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { writeJson } from './job-output.js';
import { ONE_JOB_ID, signalOption, withJobClient } from './job-steps.js';
import { formatJob, jobToJson } from './job-view.js';
import type { ParsedCommand } from './parse-command-args.js';

const USAGE = `Usage: sora-kit status ID [flags]

Shows a job: status, progress, size, outputs. ID is a handle printed by sora-kit
(sora-kit:v1:<backend>:<id>, which picks the backend) or a bare job id (with --backend or
SORA_KIT_BACKEND).

${GLOBAL_FLAGS_USAGE}
Example: sora-kit status 'sora-kit:v1:openai-sora2:video_123'
`;

const OPTIONS = {} as const;

async function run({ positionals, global }: ParsedCommand<typeof OPTIONS>, io: CliIo): Promise<number> {
  const ref = positionals[0] ?? '';
  return withJobClient(io, 'status', global, ref, async (cli) => {
    const job = await cli.client.get(ref, signalOption(io));
    const handle = cli.client.toHandle(job);
    if (global.json) writeJson(io, jobToJson(job, handle));
    else io.stdout.write(formatJob(job, handle));
    return 0;
  });
}

/** The `status` subcommand. */
export const statusCommand: CliCommand = defineCommand({
  name: 'status',
  summary: 'show a job',
  usage: USAGE,
  options: OPTIONS,
  positionals: ONE_JOB_ID,
  run,
});
