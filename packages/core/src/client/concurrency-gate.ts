/**
 * The per-client concurrency gate: at most `limit` unfinished jobs, a FIFO queue for the rest.
 * @module
 */
import type { Delay } from './clock.js';

/** A place in the gate, held from before a create until its job is known to be finished. */
export interface GateSlot {
  /** The job created with this slot, once bound. */
  readonly jobId: string | undefined;
  /** Whether the slot has been given back. */
  readonly released: boolean;
  /** Ties the slot to the job its create started; the slot is then freed when that job finishes. */
  bind(jobId: string): void;
  /** Gives the slot back. Idempotent. */
  release(): void;
}

/** Options of {@link ConcurrencyGate.acquire}. */
export interface GateAcquireOptions {
  /** Leaves the queue when aborted; the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
  /**
   * Called with the 1-based queue position (1 = next) when the request has to queue and whenever the
   * position changes, and with 0 when it leaves the queue holding a slot. Not called when a slot is free at once.
   */
  onQueuePosition?: (position: number) => void;
  /** Queue at the head instead of the tail (a create the service refused because it was full). */
  front?: boolean;
}

/** Something the gate did, for logs and tests. */
export type GateEvent =
  | { type: 'slot-acquired'; held: number; queued: number }
  | { type: 'slot-released'; jobId: string | undefined; held: number; queued: number }
  | { type: 'paused'; ms: number }
  | { type: 'probe'; jobId: string; finished: boolean };

/** Options of {@link ConcurrencyGate}. */
export interface ConcurrencyGateOptions {
  /** Most slots held at once (unfinished jobs plus creates in flight). `Infinity` for no limit. */
  limit: number;
  /** Waits; the gate uses it for pauses and self-polling. */
  delay: Delay;
  /**
   * Reads whether a held job has finished (or is gone). While requests queue and no `wait()` watches
   * some held job, the gate calls this on the oldest such job every `probeIntervalMs`.
   */
  probe?: (jobId: string, signal: AbortSignal) => Promise<boolean>;
  /** Interval of the self-polling and the default pause when the service is full (ms). */
  probeIntervalMs: number;
  /** Receives {@link GateEvent}s. */
  onEvent?: (event: GateEvent) => void;
}

interface QueueEntry {
  grant: (slot: GateSlot) => void;
  reject: (reason: unknown) => void;
  onQueuePosition: ((position: number) => void) | undefined;
  position: number;
  cleanup: () => void;
}

class Slot implements GateSlot {
  jobId: string | undefined;
  released = false;
  constructor(private readonly gate: ConcurrencyGate) {}
  bind(jobId: string): void {
    if (this.released) return;
    this.jobId = jobId;
    this.gate.bindSlot(this, jobId);
  }
  release(): void {
    this.gate.releaseSlot(this);
  }
}

/**
 * FIFO concurrency gate. Slots count jobs created through the owning client that are not yet known
 * finished. A slot is freed when the client sees its job finish (`wait`, `get`, `list`), deletes or
 * cancels it, when the create fails, or when the gate's own self-polling sees the job finish.
 *
 * @example
 * ```ts
 * const gate = new ConcurrencyGate({ limit: 2, delay: systemDelay, probeIntervalMs: 5000 });
 * const slot = await gate.acquire({ onQueuePosition: (p) => console.log('queue position', p) });
 * slot.bind(job.id);
 * ```
 */
export class ConcurrencyGate {
  /** Most slots held at once. */
  readonly limit: number;
  private readonly options: ConcurrencyGateOptions;
  private readonly slots = new Set<Slot>();
  private readonly byJob = new Map<string, Slot>();
  private readonly watchers = new Map<string, number>();
  private readonly queue: QueueEntry[] = [];
  private pauseController: AbortController | undefined;
  private probeController: AbortController | undefined;

  constructor(options: ConcurrencyGateOptions) {
    if (!(options.limit >= 1)) throw new RangeError(`gate limit must be at least 1, got ${options.limit}`);
    this.limit = options.limit;
    this.options = options;
  }

  /** Slots held now: unfinished jobs plus creates in flight. */
  get held(): number {
    return this.slots.size;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /** Whether the service said it is full and the gate grants nothing until a job finishes or the pause ends. */
  get paused(): boolean {
    return this.pauseController !== undefined;
  }

  /** Slots a new request could take right now without queueing (0 while paused or when others queue). */
  get available(): number {
    if (this.paused || this.queue.length > 0) return 0;
    return Math.max(0, this.limit - this.slots.size);
  }

  /** Ids of the held jobs, oldest first. */
  get jobIds(): string[] {
    return [...this.byJob.keys()];
  }

  /** Whether a slot is held for `jobId`. */
  holds(jobId: string): boolean {
    return this.byJob.has(jobId);
  }

  /** Waits for a slot, first come first served. */
  acquire(options: GateAcquireOptions = {}): Promise<GateSlot> {
    const { signal, onQueuePosition } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!options.front && this.available > 0) return Promise.resolve(this.take());
    return new Promise<GateSlot>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(entry);
        if (index < 0) return;
        this.queue.splice(index, 1);
        reject(signal?.reason);
        this.pump();
      };
      const entry: QueueEntry = {
        grant: resolve,
        reject,
        onQueuePosition,
        position: 0,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.front) this.queue.unshift(entry);
      else this.queue.push(entry);
      this.pump();
    });
  }

  /** Frees the slot of `jobId` because the job finished or is gone. Returns whether one was held. */
  releaseJob(jobId: string): boolean {
    const slot = this.byJob.get(jobId);
    if (!slot) return false;
    this.releaseSlot(slot);
    return true;
  }

  /**
   * Marks `jobId` as watched by a waiter, which will report when it finishes, so the gate does not
   * poll it itself. Returns the function that ends the watch.
   */
  watch(jobId: string): () => void {
    this.watchers.set(jobId, (this.watchers.get(jobId) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.watchers.get(jobId) ?? 1) - 1;
      if (count <= 0) this.watchers.delete(jobId);
      else this.watchers.set(jobId, count);
      this.ensureProbing();
    };
  }

  /**
   * The service refused a create because it is full: grant nothing until `ms` (default the probe
   * interval) has passed or a held job finishes, whichever comes first.
   */
  pause(ms?: number): void {
    const wait = Math.max(0, ms ?? this.options.probeIntervalMs);
    this.pauseController?.abort();
    const controller = new AbortController();
    this.pauseController = controller;
    this.options.onEvent?.({ type: 'paused', ms: wait });
    this.options.delay(wait, controller.signal).then(
      () => {
        if (this.pauseController !== controller) return;
        this.pauseController = undefined;
        this.pump();
      },
      () => undefined,
    );
  }

  /** @internal Called by {@link GateSlot.bind}. */
  bindSlot(slot: Slot, jobId: string): void {
    this.byJob.set(jobId, slot);
    this.ensureProbing();
  }

  /** @internal Called by {@link GateSlot.release}. */
  releaseSlot(slot: Slot): void {
    if (slot.released) return;
    slot.released = true;
    this.slots.delete(slot);
    if (slot.jobId !== undefined && this.byJob.get(slot.jobId) === slot) this.byJob.delete(slot.jobId);
    // A finished job proves the service has room again; a failed create proves nothing.
    if (slot.jobId !== undefined && this.pauseController) {
      this.pauseController.abort();
      this.pauseController = undefined;
    }
    this.options.onEvent?.({
      type: 'slot-released',
      jobId: slot.jobId,
      held: this.slots.size,
      queued: this.queue.length,
    });
    this.pump();
  }

  private take(): Slot {
    const slot = new Slot(this);
    this.slots.add(slot);
    this.options.onEvent?.({ type: 'slot-acquired', held: this.slots.size, queued: this.queue.length });
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.paused && this.slots.size < this.limit) {
      const entry = this.queue.shift()!;
      entry.cleanup();
      const wasQueued = entry.position > 0;
      entry.grant(this.take());
      if (wasQueued) entry.onQueuePosition?.(0);
    }
    this.queue.forEach((entry, index) => {
      if (entry.position === index + 1) return;
      entry.position = index + 1;
      entry.onQueuePosition?.(entry.position);
    });
    this.ensureProbing();
  }

  private probeTarget(): string | undefined {
    if (this.queue.length === 0) return undefined;
    for (const jobId of this.byJob.keys()) {
      if (!this.watchers.has(jobId)) return jobId;
    }
    return undefined;
  }

  private ensureProbing(): void {
    if (!this.options.probe) return;
    if (this.probeTarget() === undefined) {
      this.probeController?.abort();
      this.probeController = undefined;
      return;
    }
    if (this.probeController) return;
    const controller = new AbortController();
    this.probeController = controller;
    void this.probeLoop(controller).finally(() => {
      if (this.probeController === controller) this.probeController = undefined;
      if (!controller.signal.aborted) this.ensureProbing();
    });
  }

  private async probeLoop(controller: AbortController): Promise<void> {
    const probe = this.options.probe!;
    while (!controller.signal.aborted) {
      try {
        await this.options.delay(this.options.probeIntervalMs, controller.signal);
      } catch {
        return;
      }
      const jobId = this.probeTarget();
      if (jobId === undefined) return;
      let finished = false;
      try {
        finished = await probe(jobId, controller.signal);
      } catch {
        // A failed probe says nothing; try again next interval.
      }
      if (controller.signal.aborted) return;
      this.options.onEvent?.({ type: 'probe', jobId, finished });
      if (finished) this.releaseJob(jobId);
    }
  }
}
