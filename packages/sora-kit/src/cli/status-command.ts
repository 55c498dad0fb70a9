/**
 * `sora-kit status ID`: one read of a job.
 * @module
 */
import { type CliCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { formatJob, jobToJson } from './job-view.js';
import { backendOfRef, openClient } from './open-client.js';
import { parseCommandArgs } from './parse-command-args.js';

const USAGE = `Usage: sora-kit status ID [flags]

Shows a job: status, progress, size, outputs. ID is a handle printed by sora-kit
(sora-kit:v1:<backend>:<id>, which picks the backend) or a bare job id (with --backend or
SORA_KIT_BACKEND).

${GLOBAL_FLAGS_USAGE}
Example: sora-kit status 'sora-kit:v1:openai-sora2:video_123'
`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { positionals, global } = parseCommandArgs(
    'status',
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
    command: 'status',
    backend: global.backend ?? backendOfRef(ref),
    allowEmbedded: false,
    notice: !global.quiet,
  });
  try {
    const job = await cli.client.get(ref, io.signal ? { signal: io.signal } : {});
    const handle = cli.client.toHandle(job);
    io.stdout.write(
      global.json ? `${JSON.stringify(jobToJson(job, handle), null, 2)}\n` : formatJob(job, handle),
    );
    return 0;
  } finally {
    await cli.close();
  }
}

/** The `status` subcommand. */
export const statusCommand: CliCommand = { name: 'status', summary: 'show a job', usage: USAGE, run };
