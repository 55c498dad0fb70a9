/**
 * The concurrency gate a `VideoClient` creates through: the interface every gate implements (the
 * in-process default, `@sora-kit/redis-gate`, your own).
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
  | { type: 'probe'; jobId: string; finished: boolean }
  /** A shared gate could not renew a slot's lease in time: the slot no longer counts against the limit. */
  | { type: 'lease-lost'; jobId: string | undefined }
  /** A shared gate's store is unreachable or came back; `message` says what the gate does about it. */
  | { type: 'gate-warning'; message: string; cause?: unknown };

/**
 * What a `VideoClient` gives the gate it uses: how to read whether a held job has finished, and
 * where to report events. A client calls {@link ConcurrencyGate.attach} once, when it is built.
 */
export interface GateClientHooks {
  /** Reads whether a held job has finished (or is gone). */
  probe: (jobId: string, signal: AbortSignal) => Promise<boolean>;
  /** Receives {@link GateEvent}s. */
  onEvent: (event: GateEvent) => void;
  /** The client's wait function. */
  delay: Delay;
  /** The client's poll interval, a good self-polling interval (ms). */
  probeIntervalMs: number;
}

/**
 * A FIFO gate in front of creates: at most `limit` slots held at once (unfinished jobs plus creates
 * in flight), the rest queued in arrival order. The default is in-process
 * ({@link InProcessConcurrencyGate}); `@sora-kit/redis-gate` shares one limit across processes.
 *
 * Getters are synchronous snapshots; a shared gate reports what it last saw.
 */
export interface ConcurrencyGate {
  /** Most slots held at once. */
  readonly limit: number;
  /** Slots held now: unfinished jobs plus creates in flight (a shared gate: across every process). */
  readonly held: number;
  /** Requests waiting for a slot (a shared gate: across every process). */
  readonly queued: number;
  /** Whether the service said it is full and the gate grants nothing until a job finishes or the pause ends. */
  readonly paused: boolean;
  /** Slots a new request could take right now without queueing (0 while paused or when others queue). */
  readonly available: number;
  /** Ids of the jobs this process holds slots for, oldest first. */
  readonly jobIds: string[];
  /** Whether this process holds a slot for `jobId`. */
  holds(jobId: string): boolean;
  /** Waits for a slot, first come first served. */
  acquire(options?: GateAcquireOptions): Promise<GateSlot>;
  /** Frees the slot of `jobId` because the job finished or is gone. Returns whether one was held. */
  releaseJob(jobId: string): boolean;
  /**
   * Marks `jobId` as watched by a waiter, which will report when it finishes, so the gate does not
   * poll it itself. Returns the function that ends the watch.
   */
  watch(jobId: string): () => void;
  /**
   * The service refused a create because it is full: grant nothing until `ms` (default the probe
   * interval) has passed or a held job finishes, whichever comes first.
   */
  pause(ms?: number): void;
  /** Called by each `VideoClient` built on this gate, once. Optional: a gate may need nothing. */
  attach?(hooks: GateClientHooks): void;
}
