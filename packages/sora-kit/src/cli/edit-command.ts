/**
 * `sora-kit edit ID "PROMPT"`: a completed video changed as the prompt says (Sora 2 on OpenAI).
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { DERIVED_JOB_FLAGS_USAGE, DERIVED_JOB_OPTIONS, runDerivedJob } from './derived-job.js';
import type { ParsedCommand } from './parse-command-args.js';

const USAGE = `Usage: sora-kit edit ID "PROMPT" [flags]

Starts an edit of a completed video (openai-sora2): the same size and length, changed as the
prompt says. Prints the new job.

${DERIVED_JOB_FLAGS_USAGE}
${GLOBAL_FLAGS_USAGE}
Example: sora-kit edit 'sora-kit:v1:openai-sora2:video_123' "make it snow" --wait --out snow.mp4
`;

async function run(
  { values, positionals, global }: ParsedCommand<typeof DERIVED_JOB_OPTIONS>,
  io: CliIo,
): Promise<number> {
  const prompt = positionals[1] ?? '';
  return runDerivedJob(io, 'edit', global, values, positionals[0] ?? '', (client, ref, call) =>
    client.edit(ref, { prompt }, call),
  );
}

/** The `edit` subcommand. */
export const editCommand: CliCommand = defineCommand({
  name: 'edit',
  summary: 'edit a completed Sora 2 video with a prompt (OpenAI)',
  usage: USAGE,
  options: DERIVED_JOB_OPTIONS,
  positionals: { min: 2, max: 2, names: 'the job ID and the PROMPT' },
  run,
});
