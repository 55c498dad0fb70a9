/**
 * `sora-kit remix ID "PROMPT"`: a new video from a finished one (Sora 2).
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { DERIVED_JOB_FLAGS_USAGE, DERIVED_JOB_OPTIONS, runDerivedJob } from './derived-job.js';
import type { ParsedCommand } from './parse-command-args.js';

const USAGE = `Usage: sora-kit remix ID "PROMPT" [flags]

Starts a remix of a completed Sora 2 video (azure-sora2, openai-sora2) and prints the new job.

${DERIVED_JOB_FLAGS_USAGE}
${GLOBAL_FLAGS_USAGE}
Example: sora-kit remix 'sora-kit:v1:openai-sora2:video_123' "the same scene at night" --out night.mp4
`;

async function run(
  { values, positionals, global }: ParsedCommand<typeof DERIVED_JOB_OPTIONS>,
  io: CliIo,
): Promise<number> {
  const prompt = positionals[1] ?? '';
  return runDerivedJob(io, 'remix', global, values, positionals[0] ?? '', (client, ref, call) =>
    client.remix(ref, { prompt }, call),
  );
}

/** The `remix` subcommand. */
export const remixCommand: CliCommand = defineCommand({
  name: 'remix',
  summary: 'remix a completed Sora 2 video with a new prompt',
  usage: USAGE,
  options: DERIVED_JOB_OPTIONS,
  positionals: { min: 2, max: 2, names: 'the job ID and the PROMPT' },
  run,
});
