/**
 * `sora-kit character create NAME CLIP.mp4` and `sora-kit character get ID` (Sora 2 on OpenAI).
 * @module
 */
import { resolve } from 'node:path';
import type { VideoCharacter } from '@sora-kit/core';
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { writeJson } from './job-output.js';
import { signalOption, withJobClient } from './job-steps.js';
import type { ParsedCommand } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: sora-kit character create NAME CLIP.mp4 [flags]
       sora-kit character get ID [flags]

Makes a character from a short clip (2-4 s works best) or shows one (openai-sora2). Characters
belong to the credential that made them and never expire; the library places them in a
video with createVideoClient(...).create({ prompt, characters: [ID] }).

${GLOBAL_FLAGS_USAGE}
Example: sora-kit character create Mossy ./mossy.mp4
`;

const OPTIONS = {} as const;

function characterToJson(character: VideoCharacter): Record<string, unknown> {
  return {
    id: character.id,
    name: character.name ?? null,
    createdAt: character.createdAt.toISOString(),
    backend: character.backend,
  };
}

async function run({ positionals, global }: ParsedCommand<typeof OPTIONS>, io: CliIo): Promise<number> {
  const [action, first = '', second] = positionals;
  if (action !== 'create' && action !== 'get') {
    throw new UsageError(`character: unknown action "${action ?? ''}"; use create or get`, 'character');
  }
  if (action === 'create' && second === undefined) {
    throw new UsageError('character create needs NAME and CLIP.mp4', 'character');
  }
  if (action === 'get' && second !== undefined) {
    throw new UsageError('character get takes one ID', 'character');
  }
  return withJobClient(io, 'character', global, '', async (cli) => {
    const character =
      action === 'create'
        ? await cli.client.createCharacter(
            {
              name: first,
              video: { path: resolve(io.cwd ?? process.cwd(), second ?? '') },
            },
            signalOption(io),
          )
        : await cli.client.getCharacter(first, signalOption(io));
    if (global.json) writeJson(io, characterToJson(character));
    else {
      io.stdout.write(
        `${character.id}  ${character.name ?? ''}  created ${character.createdAt.toISOString()}\n`,
      );
    }
    return 0;
  });
}

/** The `character` subcommand. */
export const characterCommand: CliCommand = defineCommand({
  name: 'character',
  summary: 'create or show a Sora 2 character (OpenAI)',
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 2, max: 3, names: 'create NAME CLIP.mp4, or get ID' },
  run,
});
