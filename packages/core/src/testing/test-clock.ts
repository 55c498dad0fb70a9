/**
 * A manual clock for tests: `delay()` resolves only when the test moves time forward.
 * @module
 */

/** A pending `delay()` call of a {@link TestClock}. */
interface PendingTimer {
  dueAt: number;
  order: number;
  resolve: () => void;
}

/** A clock whose time moves only when the test says so. Pass it as `clock` and `clock.delay` as `delay`. */
export interface TestClock {
  /** Current fake time in milliseconds. */
  now(): number;
  /**
   * Resolves once the clock has been advanced by `ms`; rejects with `signal.reason` when `signal`
   * aborts first. Same contract as the real delay a `VideoClient` uses.
   */
  delay(ms: number, signal?: AbortSignal): Promise<void>;
  /** Moves time forward by `ms`, firing due timers in time order and letting promise chains run between them. */
  advance(ms: number): Promise<void>;
  /** Moves time to the next pending timer and fires it; returns false when no timer is pending. */
  next(): Promise<boolean>;
  /**
   * Advances timer by timer until `promise` settles, then returns its result (or throws its error).
   * Throws when no timer is pending while the promise is still unsettled (a deadlock), or when more
   * than `limitMs` of fake time would pass.
   */
  run<T>(promise: Promise<T>, limitMs?: number): Promise<T>;
  /** Lets every queued promise reaction run without moving time. */
  flush(): Promise<void>;
  /** Number of `delay()` calls still pending. */
  readonly pendingTimers: number;
  /** Every `ms` passed to `delay()`, in call order (for asserting the delays a client asked for). */
  readonly delays: readonly number[];
}

const macrotask: (callback: () => void) => void =
  typeof globalThis.setImmediate === 'function'
    ? (callback) => globalThis.setImmediate(callback)
    : (callback) => globalThis.setTimeout(callback, 0);

/**
 * Creates a {@link TestClock} starting at `startMs` (default 0).
 *
 * @example
 * ```ts
 * const clock = createTestClock();
 * const client = new VideoClient(provider, { clock, delay: clock.delay });
 * const job = await clock.run(client.generate({ prompt: 'a red balloon' }));
 * ```
 */
export function createTestClock(startMs = 0): TestClock {
  let current = startMs;
  let order = 0;
  const timers: PendingTimer[] = [];
  const delays: number[] = [];

  const flush = async (): Promise<void> => {
    for (let round = 0; round < 3; round++) {
      await new Promise<void>((resolve) => macrotask(resolve));
    }
  };

  const fireDue = (upTo: number): boolean => {
    let earliest: PendingTimer | undefined;
    for (const timer of timers) {
      if (timer.dueAt > upTo) continue;
      if (
        !earliest ||
        timer.dueAt < earliest.dueAt ||
        (timer.dueAt === earliest.dueAt && timer.order < earliest.order)
      ) {
        earliest = timer;
      }
    }
    if (!earliest) return false;
    timers.splice(timers.indexOf(earliest), 1);
    current = Math.max(current, earliest.dueAt);
    earliest.resolve();
    return true;
  };

  const clock: TestClock = {
    now: () => current,
    delay(ms, signal) {
      delays.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const timer: PendingTimer = {
          dueAt: current + Math.max(0, ms),
          order: order++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
      });
    },
    async advance(ms) {
      const target = current + ms;
      await flush();
      while (fireDue(target)) await flush();
      current = Math.max(current, target);
      await flush();
    },
    async next() {
      await flush();
      if (!fireDue(Number.POSITIVE_INFINITY)) return false;
      await flush();
      return true;
    },
    async run(promise, limitMs = 7 * 24 * 3_600_000) {
      let settled = false;
      promise.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      const limit = current + limitMs;
      await flush();
      while (!settled) {
        const nextDue = Math.min(...timers.map((timer) => timer.dueAt));
        if (!Number.isFinite(nextDue)) {
          throw new Error('TestClock.run: the promise is pending and no timer is pending (deadlock)');
        }
        if (nextDue > limit)
          throw new Error(`TestClock.run: the promise did not settle within ${limitMs} ms`);
        fireDue(nextDue);
        await flush();
      }
      return promise;
    },
    flush,
    get pendingTimers() {
      return timers.length;
    },
    delays,
  };
  return clock;
}
