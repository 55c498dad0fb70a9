import { describe, expect, it } from 'vitest';
import { buildPrompt } from './build-prompt.js';
import { lintPrompt, type PromptWarning } from './lint-prompt.js';

/** A compact view of the warnings: code, plus the element / scripts / cues they name. */
const summary = (warnings: PromptWarning[]) =>
  warnings.map((warning) =>
    [warning.code, warning.element, warning.scripts?.join('+'), warning.cues?.join('+')]
      .filter((part) => part !== undefined)
      .join(':'),
  );

const COMPLETE =
  'Wide shot of a red fox trotting through fresh snow in a birch forest at dawn, soft golden backlight, slow dolly left.';

describe('lintPrompt', () => {
  it.each<[string, string, string[]]>([
    ['a complete English prompt', COMPLETE, []],
    [
      'a bare subject',
      'a fox',
      [
        'missing-element:shot',
        'missing-element:action',
        'missing-element:setting',
        'missing-element:lighting',
        'missing-element:camera',
      ],
    ],
    [
      'no subject',
      'Close-up, static camera, neon light, in the street, walking',
      ['missing-element:subject'],
    ],
    ['empty', '   \n ', ['empty']],
    [
      'a complete French prompt (Latin script; the cues are English, so only "travelling" is read)',
      'Plan large d’un renard roux qui trotte dans la neige, lumière dorée, caméra en travelling lent.',
      [
        'missing-element:shot',
        'missing-element:setting',
        'missing-element:lighting',
        'missing-element:camera',
      ],
    ],
    [
      'Japanese (Han, Hiragana, Katakana)',
      '雪の中を走る赤いキツネのワイドショット、夜明けの柔らかい光、ゆっくりとしたドリー。',
      ['non-latin-script:Han+Hiragana+Katakana'],
    ],
    [
      'Russian (Cyrillic)',
      'Общий план: рыжая лиса бежит по снегу в берёзовом лесу на рассвете, мягкий свет.',
      ['non-latin-script:Cyrillic'],
    ],
    ['Arabic', 'لقطة واسعة لثعلب أحمر يركض في الثلج عند الفجر', ['non-latin-script:Arabic']],
    ['Hindi (Devanagari)', 'बर्फ में दौड़ती लाल लोमड़ी का वाइड शॉट', ['non-latin-script:Devanagari']],
    ['Korean (Hangul)', '눈 속을 달리는 붉은 여우의 와이드 샷', ['non-latin-script:Hangul']],
    ['Greek', 'Ευρύ πλάνο μιας κόκκινης αλεπούς στο χιόνι', ['non-latin-script:Greek']],
    [
      'English with one Chinese word (mostly Latin: elements still checked)',
      `${COMPLETE} The sign reads 狐.`,
      ['non-latin-script:Han'],
    ],
    [
      'two scenes joined by "cut to"',
      `${COMPLETE} Cut to a close-up of an owl.`,
      ['multiple-scenes:cut to+wide shot+close-up'],
    ],
    [
      'two shot types in one prompt',
      'Wide shot of a fox trotting in a forest at dawn, soft light, slow pan, then a close-up of its paws.',
      ['multiple-scenes:wide shot+close-up'],
    ],
    [
      'two purposes',
      `${COMPLETE} Also make a second video for the logo.`,
      ['multiple-scenes:also make+a second video'],
    ],
    ['a numbered shot list', `1. ${COMPLETE}\n2. ${COMPLETE}`, ['multiple-scenes:2 list items']],
  ])('%s', (_name, prompt, expected) => {
    expect(summary(lintPrompt(prompt))).toEqual(expected);
  });

  it('reports an over-long prompt by words and by characters, with configurable limits', () => {
    const long = `${COMPLETE} ${'The snow sparkles around the fox. '.repeat(60)}`;
    expect(summary(lintPrompt(long))).toEqual(['over-long']);
    expect(lintPrompt(long)[0]?.message).toMatch(
      /^prompt: \d+ words, \d+ characters \(advice: at most 300 words and 2000 characters\)/,
    );
    expect(summary(lintPrompt(COMPLETE, { maxWords: 5 }))).toEqual(['over-long']);
    expect(summary(lintPrompt(COMPLETE, { maxCharacters: 50 }))).toEqual(['over-long']);
    expect(summary(lintPrompt('a fox', { elements: ['subject', 'camera'] }))).toEqual([
      'missing-element:camera',
    ]);
  });

  it('is deterministic and never throws on odd input', () => {
    const inputs = [COMPLETE, '🦊🦊🦊', '\u0000\u200b', 'x'.repeat(40_000), undefined as unknown as string];
    for (const input of inputs) expect(lintPrompt(input)).toEqual(lintPrompt(input));
    expect(summary(lintPrompt(undefined as unknown as string))).toEqual(['empty']);
    expect(summary(lintPrompt('🦊🦊🦊')).includes('non-latin-script')).toBe(false);
  });

  it('finds nothing missing in what buildPrompt writes', () => {
    const prompt = buildPrompt({
      shot: 'aerial shot',
      subject: 'a lighthouse',
      action: 'flashing its beam',
      setting: 'on a rocky coast at night',
      lighting: 'moonlight and a warm beam',
      camera: 'slow orbit',
    });
    expect(lintPrompt(prompt)).toEqual([]);
  });
});
