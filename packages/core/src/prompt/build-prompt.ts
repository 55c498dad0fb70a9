/**
 * `buildPrompt`: a video prompt from its elements, in the shape the Azure OpenAI guidance advises.
 * @module
 */
import { ValidationError } from '../errors/index.js';

/** The elements of a prompt; every one but `style` is required. */
export interface PromptParts {
  /** Shot type, e.g. `wide shot`, `close-up`. */
  shot: string;
  /** Who or what the video is about, e.g. `a red fox`. */
  subject: string;
  /** What the subject does, e.g. `trotting through fresh snow`. */
  action: string;
  /** Where and when, e.g. `in a birch forest at dawn`. */
  setting: string;
  /** The light, e.g. `soft golden backlight`. */
  lighting: string;
  /** The camera motion, e.g. `slow dolly left`. */
  camera: string;
  /** A look, e.g. `35mm film, muted colours` (optional). */
  style?: string;
}

const REQUIRED = ['shot', 'subject', 'action', 'setting', 'lighting', 'camera'] as const;

const clean = (part: string) => part.trim().replace(/[\s.,;:]+$/u, '');
const capitalize = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);

/**
 * One single-purpose prompt from its elements:
 * `"<Shot> of <subject> <action>, <setting>. Lighting: <lighting>. Camera: <camera>. Style: <style>."`.
 * @throws {ValidationError} naming the first element that is missing or blank.
 * @example
 * buildPrompt({
 *   shot: 'wide shot', subject: 'a red fox', action: 'trotting through fresh snow',
 *   setting: 'in a birch forest at dawn', lighting: 'soft golden backlight', camera: 'slow dolly left',
 * });
 * // 'Wide shot of a red fox trotting through fresh snow, in a birch forest at dawn. Lighting: soft golden backlight. Camera: slow dolly left.'
 */
export function buildPrompt(parts: PromptParts): string {
  const given = (parts ?? {}) as Partial<Record<keyof PromptParts, unknown>>;
  const issues = [...REQUIRED, 'style' as const].flatMap((field) => {
    const value = given[field];
    const optional = field === 'style' && value === undefined;
    if (optional || (typeof value === 'string' && clean(value) !== '')) return [];
    return [
      {
        field,
        value,
        message: `${field}: ${value === undefined ? 'missing' : `${JSON.stringify(value)} is not a non-empty text`}; buildPrompt needs ${REQUIRED.join(', ')} (and optionally style)`,
      },
    ];
  });
  if (issues.length > 0) throw new ValidationError({ issues });
  const style = parts.style === undefined ? '' : ` Style: ${clean(parts.style)}.`;
  return `${capitalize(clean(parts.shot))} of ${clean(parts.subject)} ${clean(parts.action)}, ${clean(parts.setting)}. Lighting: ${clean(parts.lighting)}. Camera: ${clean(parts.camera)}.${style}`;
}
