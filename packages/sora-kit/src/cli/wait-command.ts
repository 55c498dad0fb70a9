/**
 * `sora-kit wait ID`: waits for a job with the progress display, optionally downloading it.
 * @module
 */
import { type CliCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { followJob, resumeHint } from './follow-job.js';
import { formatJob, jobToJson } from './job-view.js';
import { backendOfRef, openClient } from './open-client.js';
import { parseCommandArgs, timeoutFlag } from './parse-command-args.js';
import { ProgressReporter, progressMode } from './progress-reporter.js';
import { reportError } from './report-error.js';
import { formatBytes, type SavedFile, saveOutputs } from './save-outputs.js';

const USAGE = `Usage: sora-kit wait ID [flags]

Waits until a job completes, showing its progress; exits 1 if it fails.

  -o, --out FILE     then download it here (variants go to FILE-2.mp4...)
  --timeout SECONDS  give up after this long (exit code 3; the job goes on)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit wait 'sora-kit:v1:azure-sora1:task_123' --out lighthouse.mp4
`;

const OPTIONS = { out: { type: 'string', short: 'o' }, timeout: { type: 'string' } } as const;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, global } = parseCommandArgs('wait', argv, OPTIONS, {
    min: 1,
    max: 1,
    names: 'the job ID',
  });
  if (global.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const ref = positionals[0] ?? '';
  const timeoutMs = timeoutFlag(values.timeout);
  const cli = await openClient(io, {
    command: 'wait',
    backend: global.backend ?? backendOfRef(ref),
    allowEmbedded: false,
    notice: !global.quiet,
  });
  const reporter = new ProgressReporter(io.stderr, progressMode(io.stderr, global));
  try {
    const job = await followJob(cli, ref, reporter, { signal: io.signal, timeoutMs });
    const handle = cli.client.toHandle(job);
    const files: SavedFile[] =
      values.out === undefined
        ? []
        : await saveOutputs(cli.client, job, {
            out: values.out,
            cwd: io.cwd ?? process.cwd(),
            signal: io.signal,
          });
    if (global.json) {
      io.stdout.write(`${JSON.stringify({ job: jobToJson(job, handle), files }, null, 2)}\n`);
    } else {
      io.stdout.write(formatJob(job, handle));
      for (const file of files) io.stdout.write(`saved ${file.path} (${formatBytes(file.bytes)})\n`);
    }
    return 0;
  } catch (error) {
    const code = reportError(error, io, global, { handle: ref });
    if (!global.json) resumeHint(error, ref, io, cli);
    return code;
  } finally {
    await cli.close();
  }
}

/** The `wait` subcommand. */
export const waitCommand: CliCommand = {
  name: 'wait',
  summary: 'wait for a job with a progress bar (and download it with --out)',
  usage: USAGE,
  run,
};
