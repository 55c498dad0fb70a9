/**
 * `sora-kit extend ID "PROMPT" --seconds N`: a completed video continued (Sora 2 on OpenAI).
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { DERIVED_JOB_FLAGS_USAGE, DERIVED_JOB_OPTIONS, runDerivedJob } from './derived-job.js';
import { integerFlag, type ParsedCommand } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: sora-kit extend ID "PROMPT" --seconds N [flags]

Starts an extension of a completed video (openai-sora2): N more seconds (4, 8, 12, 16 or 20)
as the prompt says; the new video lasts the stitched total (at most 120 s, six extensions).

  --seconds N        length of the extension (required)
${DERIVED_JOB_FLAGS_USAGE}
${GLOBAL_FLAGS_USAGE}
Example: sora-kit extend 'sora-kit:v1:openai-sora2:video_123' "the balloon rises" --seconds 8 --wait
`;

const OPTIONS = { ...DERIVED_JOB_OPTIONS, seconds: { type: 'string' } } as const;

async function run(
  { values, positionals, global }: ParsedCommand<typeof OPTIONS>,
  io: CliIo,
): Promise<number> {
  const seconds = integerFlag('seconds', values.seconds, 1);
  if (seconds === undefined) throw new UsageError('extend needs --seconds N (4, 8, 12, 16 or 20)', 'extend');
  const prompt = positionals[1] ?? '';
  return runDerivedJob(io, 'extend', global, values, positionals[0] ?? '', (client, ref, call) =>
    client.extend(ref, { prompt, seconds }, call),
  );
}

/** The `extend` subcommand. */
export const extendCommand: CliCommand = defineCommand({
  name: 'extend',
  summary: 'extend a completed Sora 2 video by N seconds (OpenAI)',
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 2, max: 2, names: 'the job ID and the PROMPT' },
  run,
});
