/**
 * How the command prints prompt advice (`lintPrompt`): one `warning: ...` line each.
 * @module
 */
import type { PromptWarning } from '@sora-kit/core';

/** The lines of `sora-kit prompt lint` and `generate --lint`: `warning: <message>` per warning. */
export function formatPromptWarnings(warnings: readonly PromptWarning[]): string {
  return warnings.map((warning) => `warning: ${warning.message}\n`).join('');
}
