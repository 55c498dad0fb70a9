import { describe, expect, it } from 'vitest';
import type { GateSlot } from './concurrency-gate.js';
import { type GateWaiter, GateWaiters } from './gate-waiters.js';

const slot = (jobId?: string): GateSlot => ({ jobId, released: false, bind() {}, release() {} });

describe('GateWaiters', () => {
  it('queues in order (front first), reports positions on change, and 0 when granted', async () => {
    const abandoned: GateWaiter<string>[] = [];
    const waiters = new GateWaiters<string>((waiter) => abandoned.push(waiter));
    const heard: Record<string, number[]> = { a: [], b: [], c: [] };
    const a = waiters.wait({ onQueuePosition: (p) => heard.a!.push(p) }, 'a');
    const b = waiters.wait({ onQueuePosition: (p) => heard.b!.push(p) }, 'b');
    void waiters.wait({ onQueuePosition: (p) => heard.c!.push(p), front: true }, 'c');
    expect(waiters.snapshot().map((w) => w.data)).toEqual(['c', 'a', 'b']);
    waiters.reportOrder();
    waiters.reportOrder();
    expect(heard).toEqual({ a: [2], b: [3], c: [1] });
    const first = waiters.first()!;
    expect(waiters.grant(first, () => slot('for-c'))).toBe(true);
    expect(waiters.grant(first, () => slot('again'))).toBe(false);
    expect(heard.c).toEqual([1, 0]);
    const forA = waiters.first()!;
    waiters.forward(forA, Promise.resolve(slot('elsewhere')));
    expect((await a).jobId).toBe('elsewhere');
    expect(waiters.rejectAll((w) => new Error(`closed ${w.data}`))).toHaveLength(1);
    await expect(b).rejects.toThrow('closed b');
    expect(waiters.length).toBe(0);
    expect(abandoned).toEqual([]);
  });

  it('an aborted waiter leaves the line, rejects with the reason, and is handed to onAbandon once', async () => {
    const abandoned: string[] = [];
    const waiters = new GateWaiters<string>((waiter) => abandoned.push(waiter.data));
    const controller = new AbortController();
    const waiting = waiters.wait({ signal: controller.signal }, 'x');
    const [waiter] = waiters.snapshot();
    controller.abort(new Error('stop'));
    controller.abort(new Error('again'));
    await expect(waiting).rejects.toThrow('stop');
    expect(abandoned).toEqual(['x']);
    expect(waiters.has(waiter!)).toBe(false);
    expect(waiters.grant(waiter!, () => slot())).toBe(false);
  });
});
