import type { Capabilities } from '../capabilities/capabilities.js';
import { type CapabilityIssue, notAllowed, target } from './validation-context.js';

/** The character ids of a create: how many the model places, and that each is a non-empty id. */
export function checkCharacters(
  characters: readonly unknown[],
  capabilities: Capabilities,
): CapabilityIssue[] {
  const issues: CapabilityIssue[] = [];
  const max = capabilities.character.maxPerVideo;
  if (characters.length > max) {
    issues.push({
      ...notAllowed(['characters'], characters.length, { min: 0, max }, capabilities),
      message: `characters: ${characters.length} characters is not allowed on ${target(capabilities)}; allowed: up to ${max} per video`,
    });
  }
  characters.forEach((id, index) => {
    if (typeof id !== 'string' || id.trim() === '') {
      issues.push({
        path: ['characters', index],
        value: id,
        message: `characters[${index}]: ${JSON.stringify(id) ?? String(id)} is not a character id (char_...)`,
      });
    }
  });
  return issues;
}
