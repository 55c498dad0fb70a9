import { describe, expect, it } from 'vitest';
import { linkSignal } from './link-signal.js';

describe('linkSignal', () => {
  it('follows the parent until unlinked, and leaves no listener behind', () => {
    const parent = new AbortController();
    const links = Array.from({ length: 50 }, () => linkSignal(parent.signal));
    for (const link of links.slice(0, 49)) link.unlink();
    parent.abort(new Error('stop'));
    expect(links.slice(0, 49).every((link) => !link.signal.aborted)).toBe(true);
    expect(links[49]?.signal.aborted).toBe(true);
    expect(links[49]?.signal.reason).toBe(parent.signal.reason);
  });

  it('is aborted at once when the parent already is', () => {
    const parent = new AbortController();
    parent.abort('gone');
    expect(linkSignal(parent.signal).signal.reason).toBe('gone');
  });
});
