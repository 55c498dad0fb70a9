/**
 * The in-process concurrency gate (the default): at most `limit` unfinished jobs, a FIFO queue for the rest.
 * @module
 */
import { type Delay, systemDelay } from './clock.js';
import type {
  ConcurrencyGate,
  GateAcquireOptions,
  GateClientHooks,
  GateEvent,
  GateSlot,
} from './concurrency-gate.js';
import { GateWaiters } from './gate-waiters.js';
import { HeldJobProber } from './held-job-prober.js';

/** Options of {@link InProcessConcurrencyGate}. */
export interface ConcurrencyGateOptions {
  /** Most slots held at once (unfinished jobs plus creates in flight). `Infinity` for no limit. */
  limit: number;
  /** Waits; the gate uses it for pauses and self-polling (default: set by the attaching client, else `setTimeout`). */
  delay?: Delay;
  /**
   * Reads whether a held job has finished (or is gone). While requests queue and no `wait()` watches
   * some held job, the gate calls this on the oldest such job every `probeIntervalMs`. Default: the
   * attaching client's `get`.
   */
  probe?: (jobId: string, signal: AbortSignal) => Promise<boolean>;
  /** Interval of the self-polling and the default pause when the service is full (ms; default the client's poll interval). */
  probeIntervalMs?: number;
  /** Receives {@link GateEvent}s (default: the attaching client's `onEvent`). */
  onEvent?: (event: GateEvent) => void;
}

class Slot implements GateSlot {
  jobId: string | undefined;
  released = false;
  constructor(private readonly gate: InProcessConcurrencyGate) {}
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
 * FIFO concurrency gate within one process. Slots count jobs created through the owning client that are not yet known
 * finished. A slot is freed when the client sees its job finish (`wait`, `get`, `list`), deletes or
 * cancels it, when the create fails, or when the gate's own self-polling sees the job finish.
 *
 * @example
 * ```ts
 * const gate = new InProcessConcurrencyGate({ limit: 2 });
 * const client = createClient(provider, { gate }); // the client attaches its probe and events
 * const slot = await gate.acquire({ onQueuePosition: (p) => console.log('queue position', p) });
 * slot.bind(job.id);
 * ```
 */
export class InProcessConcurrencyGate implements ConcurrencyGate {
  /** Most slots held at once. */
  readonly limit: number;
  private readonly slots = new Set<Slot>();
  private readonly byJob = new Map<string, Slot>();
  private readonly queue = new GateWaiters<undefined>(() => this.pump());
  private pauseController: AbortController | undefined;
  private readonly prober: HeldJobProber;
  private delay: Delay;
  private probeIntervalMs: number;
  private onEvent: ((event: GateEvent) => void) | undefined;
  private readonly explicit: Record<'delay' | 'probe' | 'probeIntervalMs' | 'onEvent', boolean>;

  constructor(options: ConcurrencyGateOptions) {
    if (!(options.limit >= 1)) throw new RangeError(`gate limit must be at least 1, got ${options.limit}`);
    this.limit = options.limit;
    this.delay = options.delay ?? systemDelay;
    this.probeIntervalMs = options.probeIntervalMs ?? 5000;
    this.onEvent = options.onEvent;
    this.prober = new HeldJobProber({
      heldJobs: () => this.byJob.keys(),
      wanted: () => this.queue.length > 0,
      onResult: (jobId, finished) => {
        this.onEvent?.({ type: 'probe', jobId, finished });
        if (finished) this.releaseJob(jobId);
      },
    });
    if (options.probe) {
      this.prober.setSource({ probe: options.probe, delay: this.delay, intervalMs: this.probeIntervalMs });
    }
    this.explicit = {
      delay: options.delay !== undefined,
      probe: options.probe !== undefined,
      probeIntervalMs: options.probeIntervalMs !== undefined,
      onEvent: options.onEvent !== undefined,
    };
  }

  /** Takes the client's probe, wait, interval and event sink where the constructor was not given them. */
  attach(hooks: GateClientHooks): void {
    if (!this.explicit.delay) this.delay = hooks.delay;
    if (!this.explicit.probeIntervalMs) this.probeIntervalMs = hooks.probeIntervalMs;
    if (!this.explicit.onEvent) this.onEvent = hooks.onEvent;
    if (!this.explicit.probe) {
      this.prober.setSource({ probe: hooks.probe, delay: this.delay, intervalMs: this.probeIntervalMs });
    }
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
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!options.front && this.available > 0) return Promise.resolve(this.take());
    const granted = this.queue.wait(options, undefined);
    this.pump();
    return granted;
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
    return this.prober.watch(jobId);
  }

  /**
   * The service refused a create because it is full: grant nothing until `ms` (default the probe
   * interval) has passed or a held job finishes, whichever comes first.
   */
  pause(ms?: number): void {
    const wait = Math.max(0, ms ?? this.probeIntervalMs);
    this.pauseController?.abort();
    const controller = new AbortController();
    this.pauseController = controller;
    this.onEvent?.({ type: 'paused', ms: wait });
    this.delay(wait, controller.signal).then(
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
    this.prober.update();
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
    this.onEvent?.({
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
    this.onEvent?.({ type: 'slot-acquired', held: this.slots.size, queued: this.queue.length });
    return slot;
  }

  private pump(): void {
    for (let next = this.queue.first(); next && !this.paused && this.slots.size < this.limit; ) {
      this.queue.grant(next, () => this.take());
      next = this.queue.first();
    }
    this.queue.reportOrder();
    this.prober.update();
  }
}
