/**
 * `sora-kit list`: the most recent jobs of the configured backend.
 * @module
 */
import type { VideoJob } from '@sora-kit/core';
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { writeJson } from './job-output.js';
import { signalOption } from './job-steps.js';
import { formatJobRow, jobToJson } from './job-view.js';
import { openClient } from './open-client.js';
import { integerFlag, type ParsedCommand } from './parse-command-args.js';

const USAGE = `Usage: sora-kit list [flags]

Lists jobs of the configured backend, newest first, one per line:
HANDLE  STATUS  SIZE  SECONDS  CREATED.

  --limit N          at most N jobs (default 20)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit list --limit 5 --json
`;

const OPTIONS = { limit: { type: 'string' } } as const;

async function run({ values, global }: ParsedCommand<typeof OPTIONS>, io: CliIo): Promise<number> {
  const limit = integerFlag('limit', values.limit, 1) ?? 20;
  const cli = await openClient(io, {
    command: 'list',
    backend: global.backend,
    allowEmbedded: false,
    notice: !global.quiet,
    persist: global,
  });
  try {
    const jobs: VideoJob[] = [];
    for await (const job of cli.client.list({
      limit: Math.min(limit, 100),
      ...signalOption(io),
    })) {
      jobs.push(job);
      if (jobs.length >= limit) break;
    }
    if (global.json) {
      const rows = jobs.map((job) => jobToJson(job, cli.client.toHandle(job)));
      writeJson(io, { jobs: rows });
    } else if (jobs.length === 0) {
      if (!global.quiet) io.stderr.write(`no jobs on ${cli.client.backend}\n`);
    } else {
      for (const job of jobs) io.stdout.write(`${formatJobRow(job, cli.client.toHandle(job))}\n`);
    }
    return 0;
  } finally {
    await cli.close();
  }
}

/** The `list` subcommand. */
export const listCommand: CliCommand = defineCommand({
  name: 'list',
  summary: 'list recent jobs',
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 0, max: 0, names: 'no arguments' },
  run,
});
