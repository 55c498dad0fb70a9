/**
 * `sora-kit remix ID "PROMPT"`: a new video from a finished one (Sora 2).
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

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, global } = parseCommandArgs('remix', argv, OPTIONS, {
    min: 2,
    max: 2,
    names: 'the job ID and the PROMPT',
  });
  if (global.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const ref = positionals[0] ?? '';
  const timeoutMs = timeoutFlag(values.timeout);
  const cli = await openClient(io, {
    command: 'remix',
    backend: global.backend ?? backendOfRef(ref),
    allowEmbedded: false,
    notice: !global.quiet,
  });
  const reporter = new ProgressReporter(io.stderr, progressMode(io.stderr, global));
  let handle: string | undefined;
  try {
    let job = await cli.client.remix(
      ref,
      { prompt: positionals[1] ?? '' },
      io.signal ? { signal: io.signal } : {},
    );
    handle = cli.client.toHandle(job);
    let files: SavedFile[] = [];
    if (values.wait === true || values.out !== undefined) {
      reporter.note(`started ${handle}`);
      job = await followJob(cli, job, reporter, { signal: io.signal, timeoutMs });
      handle = cli.client.toHandle(job);
      if (values.out !== undefined)
        files = await saveOutputs(cli.client, job, {
          out: values.out,
          cwd: io.cwd ?? process.cwd(),
          signal: io.signal,
        });
    }
    if (global.json) {
      io.stdout.write(`${JSON.stringify({ job: jobToJson(job, handle), files }, null, 2)}\n`);
    } else {
      io.stdout.write(formatJob(job, handle));
      for (const file of files) io.stdout.write(`saved ${file.path} (${formatBytes(file.bytes)})\n`);
    }
    return 0;
  } catch (error) {
    if (handle === undefined) throw error;
    const code = reportError(error, io, global, { handle });
    if (!global.json) resumeHint(error, handle, io, cli);
    return code;
  } finally {
    await cli.close();
  }
}

/** The `remix` subcommand. */
export const remixCommand: CliCommand = {
  name: 'remix',
  summary: 'remix a completed Sora 2 video with a new prompt',
  usage: USAGE,
  run,
};
