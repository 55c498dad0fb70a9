import { describe, expect, it } from 'vitest';
import { createClockScopes } from './clock-scopes.js';
import { createManualClock } from './controllable-clock.js';

describe('createClockScopes', () => {
  it('runs a credential ahead of the global clock without moving anyone else', () => {
    const clock = createManualClock(1_000);
    const scopes = createClockScopes(clock);
    expect(scopes.advance('openai:a', 500)).toEqual({
      scope: 'openai:a',
      credentials: ['openai:a'],
      fromMs: 1_000,
      toMs: 1_500,
    });
    expect(scopes.now('openai:a')).toBe(1_500);
    expect(scopes.now('openai:b')).toBe(1_000);
    expect(scopes.now()).toBe(1_000);
    clock.advance(100);
    expect(scopes.now('openai:a')).toBe(1_600);
    expect(scopes.maxOffset()).toBe(500);
  });

  it('moves every member of a named scope together, and a member advance moves its scope', () => {
    const scopes = createClockScopes(createManualClock(0));
    scopes.join('suite', ['openai:c', 'azure:c']);
    expect(scopes.advance('openai:c', 10).scope).toBe('suite');
    expect(scopes.now('azure:c')).toBe(10);
    expect(scopes.info('suite')).toMatchObject({ offsetMs: 10, credentials: ['azure:c', 'openai:c'] });
    expect(scopes.list().map((s) => s.scope)).toEqual(['suite']);
  });

  it('refuses a join that would move time backwards, and bad scope names', () => {
    const scopes = createClockScopes(createManualClock(0));
    scopes.advance('openai:fast', 1_000);
    expect(() => scopes.join('slow', ['openai:fast'])).toThrow(/backwards/);
    expect(() => scopes.join('openai:x', ['openai:y'])).toThrow(RangeError);
    expect(() => scopes.advance('no spaces', 1)).toThrow(RangeError);
    expect(() => scopes.advance('openai:a', -1)).toThrow(RangeError);
    expect(scopes.now('openai:fast')).toBe(1_000);
  });

  it('saves and restores offsets and memberships', () => {
    const first = createClockScopes(createManualClock(0));
    first.join('suite', ['openai:c']);
    first.advance('suite', 7);
    first.advance('azure:k', 3);
    const second = createClockScopes(createManualClock(0));
    second.restore(JSON.parse(JSON.stringify(first.state())));
    expect(second.now('openai:c')).toBe(7);
    expect(second.now('azure:k')).toBe(3);
    expect(second.scopeOf('openai:c')).toBe('suite');
  });
});
