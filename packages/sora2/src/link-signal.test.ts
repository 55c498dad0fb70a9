import { describe, expect, it } from 'vitest';
import { linkSignal } from './link-signal.js';

describe('linkSignal', () => {
  it('follows the parent until unlinked, so many sequential calls leave no listener behind', () => {
    const parent = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const done = Array.from({ length: 100 }, () => {
      const link = linkSignal(parent.signal);
      link.unlink();
      return link;
    });
    const live = linkSignal(parent.signal);
    parent.abort(new Error('stop'));
    process.off('warning', onWarning);
    expect(done.every((link) => !link.signal.aborted)).toBe(true);
    expect(live.signal.aborted).toBe(true);
    expect(live.signal.reason).toBe(parent.signal.reason);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('is aborted at once when the parent already is', () => {
    const parent = new AbortController();
    parent.abort('gone');
    expect(linkSignal(parent.signal).signal.reason).toBe('gone');
  });
});
