/**
 * `sora-kit prompt lint "PROMPT"`: prompt advice, offline and deterministic.
 * @module
 */
import { lintPrompt } from '@sora-kit/core';
import { type CliCommand, defineCommand, GLOBAL_FLAGS_USAGE } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { EXIT_CODES } from './exit-codes.js';
import { writeJson } from './job-output.js';
import { integerFlag, type ParsedCommand } from './parse-command-args.js';
import { formatPromptWarnings } from './prompt-warnings.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: sora-kit prompt lint "PROMPT" [flags]

Checks a prompt against the video prompt guidance, offline (no network, no model): shot type,
subject, action, setting, lighting and camera motion described; one scene and one purpose;
written in English or another Latin-script language; not over-long. Prints one
"warning: ..." line per finding on stdout, or "ok" when there is none.

  --max-words N      words above which the prompt is over-long (default 300)
  --strict           exit with code 1 when there are warnings (for CI)

${GLOBAL_FLAGS_USAGE}
Example: sora-kit prompt lint "Wide shot of a red fox trotting through snow at dawn, soft light, slow dolly left"
`;

const OPTIONS = {
  'max-words': { type: 'string' },
  strict: { type: 'boolean' },
} as const;

async function run(
  { values, positionals, global }: ParsedCommand<typeof OPTIONS>,
  io: CliIo,
): Promise<number> {
  const [action, prompt] = positionals;
  if (action !== 'lint') throw new UsageError(`unknown prompt action "${action}"; actions: lint`, 'prompt');
  if (prompt === undefined) throw new UsageError('missing the PROMPT (quote it)', 'prompt');
  const maxWords = integerFlag('max-words', values['max-words'], 1);
  const warnings = lintPrompt(prompt, maxWords === undefined ? {} : { maxWords });
  if (global.json) writeJson(io, { warnings });
  else io.stdout.write(warnings.length === 0 ? 'ok\n' : formatPromptWarnings(warnings));
  return values.strict && warnings.length > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
}

/** The `prompt` subcommand. */
export const promptCommand: CliCommand = defineCommand({
  name: 'prompt',
  summary: 'check a prompt against the video prompt guidance (prompt lint "...")',
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 1, max: 2, names: 'lint and the PROMPT (quote it)' },
  run,
});
