import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../testing/test-clock.js';
import type { GateSlot } from './concurrency-gate.js';
import { InProcessConcurrencyGate } from './in-process-concurrency-gate.js';

type Step = { kind: 'acquire' } | { kind: 'release'; pick: number } | { kind: 'abort'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'acquire' as const }),
  fc.nat(20).map((pick) => ({ kind: 'release' as const, pick })),
  fc.nat(20).map((pick) => ({ kind: 'abort' as const, pick })),
);

describe('InProcessConcurrencyGate properties', () => {
  it('never exceeds the limit, grants in request order, and never idles while requests queue', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(step, { maxLength: 40 }),
        async (limit, steps) => {
          const clock = createTestClock();
          const gate = new InProcessConcurrencyGate({ limit, delay: clock.delay, probeIntervalMs: 1000 });
          const held: GateSlot[] = [];
          const waiting: { index: number; controller: AbortController }[] = [];
          const granted: number[] = [];
          let next = 0;
          for (const action of steps) {
            if (action.kind === 'acquire') {
              const index = next++;
              const controller = new AbortController();
              waiting.push({ index, controller });
              gate.acquire({ signal: controller.signal }).then(
                (slot) => {
                  granted.push(index);
                  held.push(slot);
                  waiting.splice(
                    waiting.findIndex((entry) => entry.index === index),
                    1,
                  );
                },
                () => undefined,
              );
            } else if (action.kind === 'release' && held.length > 0) {
              held.splice(action.pick % held.length, 1)[0]!.release();
            } else if (action.kind === 'abort' && waiting.length > 0) {
              const [entry] = waiting.splice(action.pick % waiting.length, 1);
              entry!.controller.abort();
            }
            await clock.flush();
            expect(gate.held).toBe(held.length);
            expect(gate.held).toBeLessThanOrEqual(limit);
            if (gate.queued > 0) expect(gate.held).toBe(limit);
            expect(granted).toEqual([...granted].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
