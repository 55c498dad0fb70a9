import { describe, expect, it } from 'vitest';
import { createTestClock } from '../testing/test-clock.js';
import type { GateSlot } from './concurrency-gate.js';
import { InProcessConcurrencyGate } from './in-process-concurrency-gate.js';

function setup(limit = 2, probe?: (jobId: string) => Promise<boolean>) {
  const clock = createTestClock();
  const gate = new InProcessConcurrencyGate({
    limit,
    delay: clock.delay,
    probeIntervalMs: 1000,
    ...(probe ? { probe } : {}),
  });
  return { clock, gate };
}

describe('InProcessConcurrencyGate', () => {
  it('grants up to the limit at once, then queues FIFO with positions', async () => {
    const { clock, gate } = setup(2);
    const a = await gate.acquire();
    await gate.acquire();
    expect(gate.available).toBe(0);
    const positions: Record<string, number[]> = { c: [], d: [], e: [] };
    const order: string[] = [];
    const waiters = ['c', 'd', 'e'].map((name) =>
      gate.acquire({ onQueuePosition: (position) => positions[name]!.push(position) }).then((slot) => {
        order.push(name);
        return slot;
      }),
    );
    await clock.flush();
    expect(gate.queued).toBe(3);
    expect(positions).toEqual({ c: [1], d: [2], e: [3] });
    a.release();
    await clock.flush();
    expect(order).toEqual(['c']);
    expect(positions).toEqual({ c: [1, 0], d: [2, 1], e: [3, 2] });
    (await waiters[0]!).release();
    await clock.flush();
    expect(order).toEqual(['c', 'd']);
    expect(gate.held).toBe(2);
    expect(gate.queued).toBe(1);
  });

  it('frees a slot by job id and ignores a second release', async () => {
    const { clock, gate } = setup(1);
    const slot = await gate.acquire();
    slot.bind('video_1');
    expect(gate.holds('video_1')).toBe(true);
    let granted = false;
    void gate.acquire().then(() => {
      granted = true;
    });
    expect(gate.releaseJob('video_1')).toBe(true);
    expect(gate.releaseJob('video_1')).toBe(false);
    slot.release();
    await clock.flush();
    expect(granted).toBe(true);
    expect(gate.held).toBe(1);
  });

  it('removes an aborted waiter from the queue and moves the others up', async () => {
    const { clock, gate } = setup(1);
    await gate.acquire();
    const controller = new AbortController();
    const first = gate.acquire({ signal: controller.signal });
    const positions: number[] = [];
    void gate.acquire({ onQueuePosition: (p) => positions.push(p) });
    await clock.flush();
    controller.abort(new Error('gave up'));
    await expect(first).rejects.toThrow('gave up');
    expect(gate.queued).toBe(1);
    expect(positions).toEqual([2, 1]);
  });

  it('polls the oldest held job nobody watches, only while requests queue', async () => {
    const finishedAt = new Map([
      ['video_1', 5000],
      ['video_2', 12_500],
    ]);
    const probes: { jobId: string; at: number }[] = [];
    let now = () => 0;
    const { clock, gate } = setup(2, async (jobId) => {
      probes.push({ jobId, at: now() });
      return now() >= (finishedAt.get(jobId) ?? Number.POSITIVE_INFINITY);
    });
    now = clock.now;
    const one = await gate.acquire();
    one.bind('video_1');
    const two = await gate.acquire();
    two.bind('video_2');
    await clock.advance(10_000);
    expect(probes).toEqual([]);
    const stopWatching = gate.watch('video_1');
    let third: GateSlot | undefined;
    void gate.acquire().then((slot) => {
      third = slot;
    });
    await clock.advance(3000);
    // video_1 is watched, so the gate polls video_2 (the oldest unwatched) every second.
    expect(probes).toEqual([
      { jobId: 'video_2', at: 11_000 },
      { jobId: 'video_2', at: 12_000 },
      { jobId: 'video_2', at: 13_000 },
    ]);
    expect(third).toBeDefined();
    expect(gate.holds('video_2')).toBe(false);
    await clock.advance(5000);
    expect(probes).toHaveLength(3);
    stopWatching();
    expect(clock.pendingTimers).toBe(0);
  });

  it('grants nothing while paused, until the pause ends or a held job finishes', async () => {
    const { clock, gate } = setup(3);
    const held = await gate.acquire();
    held.bind('video_1');
    gate.pause(2000);
    expect(gate.available).toBe(0);
    let granted = 0;
    void gate.acquire().then(() => granted++);
    await clock.advance(1999);
    expect(granted).toBe(0);
    await clock.advance(1);
    expect(granted).toBe(1);

    gate.pause(60_000);
    const order: string[] = [];
    void gate.acquire({ onQueuePosition: (p) => order.push(`tail:${p}`) }).then(() => order.push('tail'));
    void gate
      .acquire({ front: true, onQueuePosition: (p) => order.push(`front:${p}`) })
      .then(() => order.push('front'));
    await clock.advance(30_000);
    expect(order).toEqual(['tail:1', 'front:1', 'tail:2']);
    held.release();
    await clock.flush();
    expect(gate.paused).toBe(false);
    expect(order).toEqual(['tail:1', 'front:1', 'tail:2', 'front:0', 'tail:0', 'front', 'tail']);
  });
});
