/**
 * The moderation rule: a prompt is blocked when it contains a configured word as a whole word
 * (case-insensitive, Unicode-aware). The failure it causes depends on the API family.
 * @module
 */

import type { JobFailure, JobKind } from './job-record.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns the first configured word found in `prompt` as a whole word, or null. */
export function findModeratedWord(prompt: string, words: readonly string[]): string | null {
  for (const word of words) {
    const trimmed = word.trim();
    if (trimmed === '') continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(trimmed)}(?![\\p{L}\\p{N}_])`, 'iu');
    if (pattern.test(prompt)) return trimmed;
  }
  return null;
}

/**
 * The failure a moderated prompt produces: Sora 1 `failure_reason: input_moderation`; Sora 2
 * `status: failed` with `error.code: moderation_blocked` (the code OpenAI uses for blocked
 * requests), `type: invalid_request_error` and `param: prompt` (contracts ruling 25: the prompt
 * is what the emulator's moderation reads).
 */
export function moderationFailure(kind: JobKind): JobFailure {
  return kind === 'sora1'
    ? { code: 'input_moderation', message: 'The prompt was blocked by input moderation.' }
    : {
        code: 'moderation_blocked',
        message: 'Your request was blocked by our moderation system.',
        type: 'invalid_request_error',
        param: 'prompt',
      };
}
