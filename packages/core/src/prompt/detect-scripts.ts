/**
 * Which writing systems the letters of a text belong to (Unicode `Script` property).
 * @module
 */

/** Scripts named in warnings; letters of any other non-Latin script count as `Other`. */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Telugu',
  'Thai',
  'Georgian',
  'Armenian',
  'Ethiopic',
] as const;

/** A script name as {@link countScripts} reports it. */
export type ScriptName = (typeof SCRIPTS)[number] | 'Other';

// Script_Extensions, so marks shared by scripts (the Japanese prolonged sound mark) count for them.
const PATTERNS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script_Extensions=${name}}`, 'u')] as const);
const LETTER = /\p{L}/u;
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Letters per script, in order of first appearance. Digits, punctuation, spaces and emoji are not
 * letters and are not counted; nor are letters common to all scripts that no listed script claims.
 * @example
 * countScripts('a fox 狐'); // Map { 'Latin' => 4, 'Han' => 1 }
 */
export function countScripts(text: string): Map<ScriptName, number> {
  const counts = new Map<ScriptName, number>();
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    const found = PATTERNS.find(([, pattern]) => pattern.test(char))?.[0];
    if (found === undefined && SHARED.test(char)) continue;
    const name: ScriptName = found ?? 'Other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
