/**
 * `sora-kit generate "PROMPT"`: creates a job, shows its progress, downloads the result.
 * @module
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type CreateVideoRequest,
  lintPrompt,
  type PromptWarning,
  TimeoutError,
  ValidationError,
} from '@sora-kit/core';
import { checkOutPath } from './check-out-path.js';
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { followJob } from './follow-job.js';
import { writeJson, writeSavedFiles } from './job-output.js';
import { createReporter, reportJobError, saveJobOutputs, signalOption } from './job-steps.js';
import { jobToJson } from './job-view.js';
import { openClient } from './open-client.js';
import { integerFlag, type ParsedCommand, timeoutFlag } from './parse-command-args.js';
import { formatPromptWarnings } from './prompt-warnings.js';

const USAGE = `Usage: sora-kit generate "PROMPT" [flags]

Creates a video, shows its progress (queue position while waiting for a free slot, then percent),
and downloads it. Without credentials it runs on an embedded, offline emulator.

  --size WxH         frame size, e.g. 1280x720 (default: the model's)
  --seconds N        duration (Sora 2: 4, 8, 12; Sora 1: 1..20)
  --variants N       number of variants (Sora 1 only)
  --model NAME       model or deployment, e.g. sora-2-pro
  --image FILE       start from an image (repeat for Sora 1's two images)
  --video FILE       continue from a video of at most 5 s (Sora 1 only)
  -o, --out FILE     where to save the video (default: <job id>.mp4); variants go to FILE-2.mp4...
  --timeout SECONDS  give up waiting after this long (exit code 3; the job goes on)
  --lint             print the prompt advice of "sora-kit prompt lint" first (the job still runs)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit generate "a red fox in the snow" --seconds 4 --out fox.mp4
`;

const OPTIONS = {
  size: { type: 'string' },
  seconds: { type: 'string' },
  variants: { type: 'string' },
  model: { type: 'string' },
  image: { type: 'string', multiple: true },
  video: { type: 'string' },
  out: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
  lint: { type: 'boolean' },
} as const;

async function checkReadable(field: string, cwd: string, file: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    await access(path);
  } catch {
    throw new ValidationError({
      issues: [
        { field, value: file, message: `${field}: cannot read "${file}" (no such file or no permission)` },
      ],
    });
  }
  return path;
}

async function run(
  { values, positionals, global }: ParsedCommand<typeof OPTIONS>,
  io: CliIo,
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const seconds = integerFlag('seconds', values.seconds);
  const variants = integerFlag('variants', values.variants);
  const inputs: NonNullable<CreateVideoRequest['inputs']> = [];
  for (const image of values.image ?? [])
    inputs.push({ kind: 'image', source: { path: await checkReadable('image', cwd, image) } });
  if (values.video !== undefined)
    inputs.push({ kind: 'video', source: { path: await checkReadable('video', cwd, values.video) } });
  const request: CreateVideoRequest = {
    prompt: positionals[0] ?? '',
    ...(values.size === undefined ? {} : { size: values.size as CreateVideoRequest['size'] }),
    ...(seconds === undefined ? {} : { seconds }),
    ...(variants === undefined ? {} : { variants }),
    ...(values.model === undefined ? {} : { model: values.model }),
    ...(inputs.length === 0 ? {} : { inputs }),
  };
  const timeoutMs = timeoutFlag(values.timeout);
  await checkOutPath('generate', cwd, values.out);
  const warnings: PromptWarning[] = values.lint ? lintPrompt(request.prompt) : [];
  if (!global.json && !global.quiet) io.stderr.write(formatPromptWarnings(warnings));
  const cli = await openClient(io, {
    command: 'generate',
    backend: global.backend,
    request,
    allowEmbedded: true,
    notice: !global.quiet,
    persist: global,
  });
  const reporter = createReporter(io, global);
  let handle: string | undefined;
  try {
    const started = Date.now();
    const created = await cli.client.create(request, {
      onQueuePosition: (position) => reporter.queuePosition(position),
      ...signalOption(io),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    handle = cli.client.toHandle(created);
    reporter.note(`started ${handle} on ${created.backend}`);
    const job = await followJob(cli, created, reporter, {
      signal: io.signal,
      timeoutMs: timeoutMs === undefined ? undefined : Math.max(1, timeoutMs - (Date.now() - started)),
    }).catch((error: unknown) => {
      if (!TimeoutError.isInstance(error) || timeoutMs === undefined) throw error;
      throw new TimeoutError({
        timeoutMs,
        jobId: created.id,
        message: `job ${created.id} did not finish within --timeout ${values.timeout} s`,
        cause: error,
      });
    });
    handle = cli.client.toHandle(job);
    reporter.note(
      `downloading ${job.outputs.length > 1 ? `${job.outputs.length} variants` : 'the video'}...`,
    );
    const files = await saveJobOutputs(cli, job, io, values.out);
    if (global.json) {
      writeJson(io, {
        job: jobToJson(job, handle),
        files,
        emulator: cli.embedded,
        ...(values.lint ? { warnings } : {}),
      });
    } else {
      writeSavedFiles(io, files);
      if (!global.quiet) io.stderr.write(`job: ${handle}\n`);
    }
    return 0;
  } catch (error) {
    reporter.done();
    if (handle === undefined) throw error;
    return reportJobError(error, io, global, cli, handle, values.out);
  } finally {
    await cli.close();
  }
}

/** The `generate` subcommand. */
export const generateCommand: CliCommand = defineCommand({
  name: 'generate',
  summary: 'create a video, show its progress, download it (offline without credentials)',
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 1, max: 1, names: 'the PROMPT (quote it)' },
  run,
});
