import { describe, expect, it } from 'vitest';
import { findModeratedWord, moderationFailure } from './moderation.js';

describe('findModeratedWord', () => {
  it('matches whole words case-insensitively, Unicode included', () => {
    expect(findModeratedWord('A Bloody scene', ['bloody'])).toBe('bloody');
    expect(findModeratedWord('bloodymary', ['bloody'])).toBeNull();
    expect(findModeratedWord('une scène Sanglante!', ['sanglante'])).toBe('sanglante');
    expect(findModeratedWord('médecin', ['decin'])).toBeNull();
    expect(findModeratedWord('use c++ now', ['c++'])).toBe('c++');
    expect(findModeratedWord('anything', ['', '  '])).toBeNull();
    expect(findModeratedWord('two words here', ['two words'])).toBe('two words');
  });

  it('fails per family', () => {
    expect(moderationFailure('sora1').code).toBe('input_moderation');
    expect(moderationFailure('sora2').code).toBe('moderation_blocked');
  });
});
