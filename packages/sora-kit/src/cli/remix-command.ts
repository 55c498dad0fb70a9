/**
 * `sora-kit remix ID "PROMPT"`: a new video from a finished one (Sora 2).
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { followJob } from './follow-job.js';
import { writeJobResult } from './job-output.js';
import { createReporter, reportJobError, saveJobOutputs, signalOption, withJobClient } from './job-steps.js';
import { type ParsedCommand, timeoutFlag } from './parse-command-args.js';
import type { SavedFile } from './save-outputs.js';

const USAGE = `Usage: sora-kit remix ID "PROMPT" [flags]

Starts a remix of a completed Sora 2 video (azure-sora2, openai-sora2) and prints the new job.

  --wait             wait for it, with progress
  -o, --out FILE     wait, then download it here
  --timeout SECONDS  give up waiting after this long (exit code 3; the job goes on)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit remix 'sora-kit:v1:openai-sora2:video_123' "the same scene at night" --out night.mp4
`;

const OPTIONS = {
  wait: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
} as const;

async function run(
  { values, positionals, global }: ParsedCommand<typeof OPTIONS>,
  io: CliIo,
): Promise<number> {
  const ref = positionals[0] ?? '';
  const timeoutMs = timeoutFlag(values.timeout);
  return withJobClient(io, 'remix', global, ref, async (cli) => {
    const reporter = createReporter(io, global);
    let handle: string | undefined;
    try {
      let job = await cli.client.remix(ref, { prompt: positionals[1] ?? '' }, signalOption(io));
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
      return reportJobError(error, io, global, cli, handle);
    }
  });
}

/** The `remix` subcommand. */
export const remixCommand: CliCommand = defineCommand({
  name: 'remix',
  summary: 'remix a completed Sora 2 video with a new prompt',
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 2, max: 2, names: 'the job ID and the PROMPT' },
  run,
});
