/**
 * `sora-kit delete ID`: deletes a job and its outputs.
 * @module
 */
import { type CliCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { backendOfRef, openClient } from './open-client.js';
import { parseCommandArgs } from './parse-command-args.js';

const USAGE = `Usage: sora-kit delete ID [flags]

Deletes a job and its outputs from the service.

${GLOBAL_FLAGS_USAGE}
Example: sora-kit delete 'sora-kit:v1:openai-sora2:video_123'
`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { positionals, global } = parseCommandArgs(
    'delete',
    argv,
    {},
    { min: 1, max: 1, names: 'the job ID' },
  );
  if (global.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const ref = positionals[0] ?? '';
  const cli = await openClient(io, {
    command: 'delete',
    backend: global.backend ?? backendOfRef(ref),
    allowEmbedded: false,
    notice: !global.quiet,
  });
  try {
    await cli.client.delete(ref, io.signal ? { signal: io.signal } : {});
    io.stdout.write(global.json ? `${JSON.stringify({ deleted: ref })}\n` : `deleted ${ref}\n`);
    return 0;
  } finally {
    await cli.close();
  }
}

/** The `delete` subcommand. */
export const deleteCommand: CliCommand = { name: 'delete', summary: 'delete a job', usage: USAGE, run };
