/**
 * `sora-kit delete ID`: deletes a job and its outputs.
 * @module
 */
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { ONE_JOB_ID, signalOption, withJobClient } from './job-steps.js';
import type { ParsedCommand } from './parse-command-args.js';

const USAGE = `Usage: sora-kit delete ID [flags]

Deletes a job and its outputs from the service.

${GLOBAL_FLAGS_USAGE}
Example: sora-kit delete 'sora-kit:v1:openai-sora2:video_123'
`;

const OPTIONS = {} as const;

async function run({ positionals, global }: ParsedCommand<typeof OPTIONS>, io: CliIo): Promise<number> {
  const ref = positionals[0] ?? '';
  return withJobClient(io, 'delete', global, ref, async (cli) => {
    await cli.client.delete(ref, signalOption(io));
    io.stdout.write(global.json ? `${JSON.stringify({ deleted: ref })}\n` : `deleted ${ref}\n`);
    return 0;
  });
}

/** The `delete` subcommand. */
export const deleteCommand: CliCommand = defineCommand({
  name: 'delete',
  summary: 'delete a job',
  usage: USAGE,
  options: OPTIONS,
  positionals: ONE_JOB_ID,
  run,
});
