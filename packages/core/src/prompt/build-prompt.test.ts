import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { buildPrompt, type PromptParts } from './build-prompt.js';

const PARTS: PromptParts = {
  shot: 'wide shot',
  subject: 'a red fox',
  action: 'trotting through fresh snow',
  setting: 'in a birch forest at dawn',
  lighting: 'soft golden backlight.',
  camera: ' slow dolly left ',
};

describe('buildPrompt', () => {
  it('writes one single-purpose prompt in element order, trimming stray punctuation', () => {
    expect(buildPrompt(PARTS)).toBe(
      'Wide shot of a red fox trotting through fresh snow, in a birch forest at dawn. Lighting: soft golden backlight. Camera: slow dolly left.',
    );
    expect(buildPrompt({ ...PARTS, style: '35mm film, muted colours;' })).toMatch(
      / Style: 35mm film, muted colours\.$/,
    );
  });

  it.each<[string, Partial<Record<keyof PromptParts, unknown>>, string]>([
    ['a missing element', { ...PARTS, camera: undefined }, 'camera: missing'],
    ['a blank element', { ...PARTS, subject: '  ' }, 'subject: "  " is not a non-empty text'],
    ['a non-text element', { ...PARTS, shot: 42 }, 'shot: 42 is not a non-empty text'],
    ['a blank style', { ...PARTS, style: '' }, 'style: "" is not a non-empty text'],
  ])('refuses %s with a ValidationError naming the field', (_name, parts, message) => {
    let caught: unknown;
    try {
      buildPrompt(parts as PromptParts);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).message).toContain(message);
    expect((caught as ValidationError).message).toContain(
      'buildPrompt needs shot, subject, action, setting, lighting, camera',
    );
  });
});
