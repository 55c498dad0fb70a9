import { resolveCapabilities, ValidationError } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import type { SharedV4Warning } from './ai-sdk-types.js';
import { pickSeconds } from './pick-seconds.js';
import { aspectRatioOf, pickSize } from './pick-size.js';

const sora2 = resolveCapabilities('openai-sora2', 'sora-2');
const sora2Pro = resolveCapabilities('openai-sora2', 'sora-2-pro');
const sora1 = resolveCapabilities('azure-sora1');

describe('pickSize', () => {
  it.each<[string, typeof sora2, string | undefined, string | undefined, string | undefined, string[]]>([
    ['nothing asked: the default applies', sora2, undefined, undefined, undefined, []],
    ['an allowed resolution as is', sora2, undefined, '1280x720', '1280x720', []],
    ['an aspect ratio with the default size', sora2, '9:16', undefined, '720x1280', []],
    ['an aspect ratio without the default size', sora2, '16:9', undefined, '1280x720', []],
    [
      'a 1080p resolution snaps to 720p of the same ratio',
      sora2,
      '16:9',
      '1920x1080',
      '1280x720',
      ['resolution'],
    ],
    [
      'Sora 2 Pro 1792x1024 for 16:9 when asked as a resolution',
      sora2Pro,
      undefined,
      '1792x1024',
      '1792x1024',
      [],
    ],
    ['Sora 1 square', sora1, '1:1', undefined, '1080x1080', []],
    ['Sora 1 854x480 for 16:9 at 480p', sora1, undefined, '854x480', '854x480', []],
    ['adaptive: a warning and the default', sora2, 'adaptive', undefined, undefined, ['aspectRatio']],
  ])('%s', (_name, capabilities, aspectRatio, resolution, expected, warned) => {
    const warnings: SharedV4Warning[] = [];
    expect(pickSize(capabilities, aspectRatio, resolution, warnings)).toBe(expected);
    expect(warnings.map((warning) => ('feature' in warning ? warning.feature : ''))).toEqual(warned);
  });

  it.each<[string, string | undefined, string | undefined, string, RegExp]>([
    [
      'no allowed size of the ratio',
      '4:3',
      undefined,
      'aspectRatio',
      /4:3 has no allowed size on openai-sora2 \(sora-2\); allowed sizes: 720x1280 \(9:16\), 1280x720 \(16:9\)/,
    ],
    [
      'a resolution of a ratio with no size',
      undefined,
      '1000x1000',
      'resolution',
      /1000x1000 has no allowed size of its aspect ratio/,
    ],
    [
      'disagreeing ratio and resolution',
      '9:16',
      '1280x720',
      'aspectRatio',
      /does not match resolution 1280x720/,
    ],
    ['not a ratio', 'wide', undefined, 'aspectRatio', /wide is not a W:H aspect ratio/],
    ['not a resolution', undefined, 'big', 'resolution', /big is not a WIDTHxHEIGHT resolution/],
  ])('refuses %s, naming the allowed sizes', (_name, aspectRatio, resolution, field, message) => {
    let caught: unknown;
    try {
      pickSize(sora2, aspectRatio, resolution, []);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).field).toBe(field);
    expect((caught as ValidationError).allowed).toEqual(['720x1280', '1280x720']);
    expect((caught as ValidationError).message).toMatch(message);
  });

  it('reduces sizes to aspect ratios', () => {
    expect([
      aspectRatioOf('1280x720'),
      aspectRatioOf('1080x1080'),
      aspectRatioOf('1792x1024'),
      aspectRatioOf('x'),
    ]).toEqual(['16:9', '1:1', '7:4', undefined]);
  });
});

describe('pickSeconds', () => {
  it.each<[string, typeof sora2, number | undefined, number | undefined, boolean]>([
    ['not given', sora2, undefined, undefined, false],
    ['allowed', sora2, 8, 8, false],
    ['between two values: the nearest, longer on a tie', sora2, 10, 12, true],
    ['inside the Sora 1 range, rounded', sora1, 7.4, 7, true],
    ['Sora 1 whole seconds as is', sora1, 20, 20, false],
  ])('%s', (_name, capabilities, duration, expected, warned) => {
    const warnings: SharedV4Warning[] = [];
    expect(pickSeconds(capabilities, duration, undefined, warnings)).toBe(expected);
    expect(warnings.length > 0).toBe(warned);
  });

  it.each<[typeof sora2, number, RegExp]>([
    [sora2, 2, /duration: 2 s is not allowed on openai-sora2 \(sora-2\); allowed seconds: 4, 8, 12/],
    [sora2, 16, /allowed seconds: 4, 8, 12/],
    [sora1, 0.5, /allowed seconds: 1\.\.20/],
    [sora1, Number.NaN, /duration: NaN s is not allowed/],
  ])('refuses %#: outside the allowed range', (capabilities, duration, message) => {
    expect(() => pickSeconds(capabilities, duration, undefined, [])).toThrow(message);
  });
});
