/**
 * The waiting line of a concurrency gate: queued acquires in order, each leaving the line when its
 * signal aborts, when it is granted a slot, or when the gate hands it elsewhere. Shared by the
 * in-process gate and `@sora-kit/redis-gate`, which differ only in when a slot is free.
 * @module
 */
import type { GateAcquireOptions, GateSlot } from './concurrency-gate.js';

/** One acquire waiting for a slot. */
export interface GateWaiter<T> {
  /** What the gate keeps with the request (the Redis gate: its ticket and score). */
  readonly data: T;
  /** Queued at the head (a create the service refused because it was full). */
  readonly front: boolean;
  /** The acquire's signal. */
  readonly signal: AbortSignal | undefined;
  /** The acquire's queue-position callback. */
  readonly onQueuePosition: ((position: number) => void) | undefined;
  /** The position last reported to it (0 until one is). */
  readonly position: number;
}

interface Entry<T> extends GateWaiter<T> {
  position: number;
  resolve(slot: GateSlot): void;
  reject(reason: unknown): void;
  cleanup(): void;
}

/**
 * A FIFO of acquires. An aborted waiter leaves the line, its promise rejects with the signal's
 * reason, and `onAbandon` tells the gate (to grant the next one, or to leave a shared queue).
 * @example
 * const waiters = new GateWaiters<void>(() => pump());
 * const slot = waiters.wait({ signal }, undefined); // pump(): waiters.grant(waiters.first()!, () => take())
 */
export class GateWaiters<T> {
  private readonly line: Entry<T>[] = [];

  constructor(private readonly onAbandon: (waiter: GateWaiter<T>) => void) {}

  /** Waiters in line. */
  get length(): number {
    return this.line.length;
  }

  /** The waiter at the head, if any. */
  first(): GateWaiter<T> | undefined {
    return this.line[0];
  }

  /** The waiters in line order (a copy). */
  snapshot(): GateWaiter<T>[] {
    return [...this.line];
  }

  /** Whether `waiter` is still in line. */
  has(waiter: GateWaiter<T>): boolean {
    return this.line.includes(waiter as Entry<T>);
  }

  /**
   * Queues an acquire (at the head with `front`). Resolves with the slot {@link GateWaiters.grant}
   * gives it; rejects with `signal.reason` when aborted first.
   */
  wait(options: GateAcquireOptions, data: T): Promise<GateSlot> {
    const { signal } = options;
    return new Promise<GateSlot>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.remove(entry)) return;
        reject(signal?.reason);
        this.onAbandon(entry);
      };
      const entry: Entry<T> = {
        data,
        front: options.front === true,
        signal,
        onQueuePosition: options.onQueuePosition,
        position: 0,
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (entry.front) this.line.unshift(entry);
      else this.line.push(entry);
    });
  }

  /**
   * Takes `waiter` out of line and gives it the slot `makeSlot` builds (called after it left the
   * line); a waiter that had heard a position then hears 0. False when it was no longer in line.
   */
  grant(waiter: GateWaiter<T>, makeSlot: () => GateSlot): boolean {
    const entry = waiter as Entry<T>;
    if (!this.remove(entry)) return false;
    const wasQueued = entry.position > 0;
    entry.resolve(makeSlot());
    if (wasQueued) entry.onQueuePosition?.(0);
    return true;
  }

  /** Takes `waiter` out of line and settles it as `elsewhere` settles (e.g. a fallback gate's acquire). */
  forward(waiter: GateWaiter<T>, elsewhere: Promise<GateSlot>): void {
    const entry = waiter as Entry<T>;
    if (this.remove(entry)) elsewhere.then(entry.resolve, entry.reject);
  }

  /** Empties the line, rejecting each waiter with `reason(waiter)`; returns them in line order. */
  rejectAll(reason: (waiter: GateWaiter<T>) => unknown): GateWaiter<T>[] {
    const all = this.line.splice(0);
    for (const entry of all) {
      entry.cleanup();
      entry.reject(reason(entry));
    }
    return all;
  }

  /** Tells `waiter` its 1-based position when it changed. */
  report(waiter: GateWaiter<T>, position: number): void {
    const entry = waiter as Entry<T>;
    if (entry.position === position) return;
    entry.position = position;
    entry.onQueuePosition?.(position);
  }

  /** Tells every waiter its place in this line (1 = next) when it changed. */
  reportOrder(): void {
    this.line.forEach((entry, index) => {
      this.report(entry, index + 1);
    });
  }

  private remove(entry: Entry<T>): boolean {
    const index = this.line.indexOf(entry);
    if (index < 0) return false;
    this.line.splice(index, 1);
    entry.cleanup();
    return true;
  }
}
