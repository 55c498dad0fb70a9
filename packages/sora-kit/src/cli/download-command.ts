/**
 * `sora-kit download ID`: saves an output of a finished job.
 * @module
 */
import { resolve } from 'node:path';
import { type DownloadVariant, isHandle, ValidationError } from '@sora-kit/core';
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { writeJson } from './job-output.js';
import { ONE_JOB_ID, signalOption, withJobClient } from './job-steps.js';
import type { ParsedCommand } from './parse-command-args.js';
import { extensionOf, formatBytes } from './save-outputs.js';

const VARIANTS: readonly DownloadVariant[] = ['video', 'thumbnail', 'spritesheet'];

const USAGE = `Usage: sora-kit download ID [flags]

Saves an output of a finished job.

  --variant V        video | thumbnail | spritesheet (default video; spritesheet: Sora 2 only)
  --output-id ID     which variant of a Sora 1 job (its generation id; see "sora-kit status")
  -o, --out FILE     where to save it (default: <job id>.mp4, .webp or .jpg)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit download 'sora-kit:v1:openai-sora2:video_123' --variant thumbnail --out thumb.webp
`;

const OPTIONS = {
  variant: { type: 'string' },
  'output-id': { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

function checkVariant(value: string | undefined): DownloadVariant {
  if (value === undefined) return 'video';
  if ((VARIANTS as readonly string[]).includes(value)) return value as DownloadVariant;
  throw new ValidationError({
    issues: [
      {
        field: 'variant',
        value,
        allowed: [...VARIANTS],
        message: `variant: "${value}" is not a download variant; allowed: ${VARIANTS.join(', ')}`,
      },
    ],
  });
}

async function run(
  { values, positionals, global }: ParsedCommand<typeof OPTIONS>,
  io: CliIo,
): Promise<number> {
  const ref = positionals[0] ?? '';
  const variant = checkVariant(values.variant);
  return withJobClient(io, 'download', global, ref, async (cli) => {
    const { id, backend } = isHandle(ref)
      ? cli.client.fromHandle(ref)
      : { id: ref, backend: cli.client.backend };
    const out = resolve(io.cwd ?? process.cwd(), values.out ?? `${id}${extensionOf(variant, backend)}`);
    const result = await cli.client.downloadToFile(ref, out, {
      variant,
      ...(values['output-id'] === undefined ? {} : { outputId: values['output-id'] }),
      ...signalOption(io),
    });
    if (global.json) writeJson(io, { file: { ...result, path: out } });
    else io.stdout.write(`saved ${out} (${formatBytes(result.bytes)}, ${result.contentType})\n`);
    return 0;
  });
}

/** The `download` subcommand. */
export const downloadCommand: CliCommand = defineCommand({
  name: 'download',
  summary: 'save the video, thumbnail or spritesheet of a finished job',
  usage: USAGE,
  options: OPTIONS,
  positionals: ONE_JOB_ID,
  run,
});
