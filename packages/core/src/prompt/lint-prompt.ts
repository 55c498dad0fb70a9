/**
 * `lintPrompt`: deterministic advice on a video prompt, from the Azure OpenAI video generation
 * guidance. No network, no model: word cues and Unicode script properties only.
 * @module
 */
import { countScripts, type ScriptName } from './detect-scripts.js';
import {
  ELEMENT_CUES,
  ELEMENT_HINTS,
  NOT_ACTIONS,
  PROMPT_ELEMENTS,
  type PromptElement,
  SCENE_BREAK_CUES,
  SHOT_TYPE_CUES,
} from './prompt-elements.js';

/** What a prompt warning is about. */
export type PromptWarningCode =
  | 'empty'
  | 'non-latin-script'
  | 'missing-element'
  | 'multiple-scenes'
  | 'over-long';

/** One piece of advice about a prompt. */
export interface PromptWarning {
  /** What the warning is about. */
  code: PromptWarningCode;
  /** A full sentence, starting with `prompt:`. */
  message: string;
  /** `missing-element`: the element not found. */
  element?: PromptElement;
  /** `non-latin-script`: the non-Latin scripts found, in order of first appearance. */
  scripts?: ScriptName[];
  /** `multiple-scenes`: the phrases that suggest another scene or purpose. */
  cues?: string[];
}

/** Options of {@link lintPrompt}. */
export interface LintPromptOptions {
  /** Words above which the prompt is reported as over-long (default 300). */
  maxWords?: number;
  /** Characters (code points) above which the prompt is reported as over-long (default 2000). */
  maxCharacters?: number;
  /** The elements to look for (default all six). */
  elements?: readonly PromptElement[];
}

/** Default limits of {@link lintPrompt}. */
export const DEFAULT_PROMPT_LIMITS = { maxWords: 300, maxCharacters: 2000 } as const;

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const NUMBERED_LINE = /^\s*(?:\d+[.)]|[-*•])\s+\S/gmu;

/** Words that say nothing about the subject. */
const FILLER = new Set(
  'a an the of in on at with and or to from by for is are was be it its this that into onto over under very slow slowly fast quickly soft softly gentle gently warm cold bright dark some one two'.split(
    ' ',
  ),
);

/**
 * Advice on a video prompt: an empty prompt; letters outside the Latin script (the guidance: write
 * in English or another Latin-script language); missing elements (shot type, subject, action,
 * setting, lighting, camera motion; English cues, so only checked on mostly-Latin prompts); more
 * than one scene or purpose; an over-long prompt. The same prompt always gives the same warnings,
 * in that order.
 * @example
 * lintPrompt('a fox'); // missing-element warnings for shot, action, setting, lighting, camera
 * lintPrompt('Wide shot of a red fox trotting through snow in a birch forest at dawn, soft golden light, slow dolly left.'); // []
 */
export function lintPrompt(prompt: string, options: LintPromptOptions = {}): PromptWarning[] {
  const text = typeof prompt === 'string' ? prompt : '';
  if (text.trim() === '') return [{ code: 'empty', message: 'prompt: the prompt is empty' }];
  const warnings: PromptWarning[] = [];

  const scripts = countScripts(text);
  const letters = [...scripts.values()].reduce((sum, count) => sum + count, 0);
  const latin = scripts.get('Latin') ?? 0;
  const foreign = [...scripts.keys()].filter((name) => name !== 'Latin');
  if (foreign.length > 0) {
    warnings.push({
      code: 'non-latin-script',
      scripts: foreign,
      message: `prompt: ${letters - latin} of ${letters} letters are in ${foreign.join(', ')} script; the guidance is to write prompts in English or another Latin-script language`,
    });
  }

  if (latin * 2 > letters) {
    for (const element of options.elements ?? PROMPT_ELEMENTS) {
      if (!hasElement(text, element)) {
        warnings.push({
          code: 'missing-element',
          element,
          message: `prompt: ${ELEMENT_HINTS[element]} is not described; describe shot type, subject, action, setting, lighting and camera motion`,
        });
      }
    }
  }

  const cues = sceneCues(text);
  if (cues.length > 0) {
    warnings.push({
      code: 'multiple-scenes',
      cues,
      message: `prompt: it seems to describe more than one scene or purpose (${cues.map((cue) => `"${cue}"`).join(', ')}); keep one prompt to one shot and one purpose, and make separate videos for the rest`,
    });
  }

  const maxWords = options.maxWords ?? DEFAULT_PROMPT_LIMITS.maxWords;
  const maxCharacters = options.maxCharacters ?? DEFAULT_PROMPT_LIMITS.maxCharacters;
  const wordCount = text.split(/\s+/u).filter((word) => word !== '').length;
  const characters = [...text].length;
  if (wordCount > maxWords || characters > maxCharacters) {
    warnings.push({
      code: 'over-long',
      message: `prompt: ${wordCount} words, ${characters} characters (advice: at most ${maxWords} words and ${maxCharacters} characters); long prompts are followed less closely, keep it to one specific shot`,
    });
  }
  return warnings;
}

const ING = /\b\p{L}{2,}ing\b/giu;

function hasElement(text: string, element: PromptElement): boolean {
  if (
    element === 'action' &&
    [...text.matchAll(ING)].some((match) => !NOT_ACTIONS.has(match[0].toLowerCase()))
  )
    return true;
  if (element !== 'subject') return ELEMENT_CUES[element].test(text);
  // The subject: some word left once the other elements' cue words and filler are removed.
  const cuePatterns = Object.values(ELEMENT_CUES);
  return (text.match(WORD) ?? []).some((word) => {
    const lower = word.toLowerCase();
    return lower.length > 1 && !FILLER.has(lower) && !cuePatterns.some((pattern) => pattern.test(word));
  });
}

function sceneCues(text: string): string[] {
  const found: string[] = [];
  const add = (cue: string) => {
    const normal = cue.toLowerCase();
    if (!found.includes(normal)) found.push(normal);
  };
  for (const match of text.matchAll(SCENE_BREAK_CUES)) add(match[0]);
  const shots = new Set([...text.matchAll(SHOT_TYPE_CUES)].map((match) => normalizeShot(match[0])));
  if (shots.size > 1) for (const shot of shots) add(shot);
  const listed = [...text.matchAll(NUMBERED_LINE)].length;
  if (listed > 1) add(`${listed} list items`);
  return found;
}

function normalizeShot(shot: string): string {
  return shot.toLowerCase().replace(/^(closeup|close up)$/u, 'close-up');
}
