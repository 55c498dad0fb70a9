/**
 * A gate's self-polling of the jobs it holds slots for: while someone needs a slot and no `wait()`
 * watches some held job, read the oldest such job every interval and free its slot once finished.
 * Shared by every gate implementation.
 * @module
 */
import type { Delay } from './clock.js';

/** Options of {@link HeldJobProber}. */
export interface HeldJobProberOptions {
  /** Ids of the held, bound jobs, oldest first. */
  heldJobs: () => Iterable<string>;
  /** Whether a slot is wanted now (someone queues); probing stops when not. */
  wanted: () => boolean;
  /** Called with each probe's result (errors count as "not finished"). */
  onResult: (jobId: string, finished: boolean) => void;
}

/** The probe, its wait and interval; set when a client attaches. */
export interface ProbeSource {
  probe: (jobId: string, signal: AbortSignal) => Promise<boolean>;
  delay: Delay;
  intervalMs: number;
}

/**
 * Polls held, unwatched jobs one at a time, oldest first, while {@link HeldJobProberOptions.wanted}.
 * Call {@link HeldJobProber.update} whenever the held jobs, the watchers or the demand change.
 *
 * @example
 * ```ts
 * const prober = new HeldJobProber({ heldJobs: () => byJob.keys(), wanted: () => queue.length > 0, onResult });
 * prober.setSource({ probe, delay: systemDelay, intervalMs: 5000 });
 * prober.update();
 * ```
 */
export class HeldJobProber {
  private source: ProbeSource | undefined;
  private readonly watchers = new Map<string, number>();
  private controller: AbortController | undefined;

  constructor(private readonly options: HeldJobProberOptions) {}

  /** Sets (or replaces) how jobs are read; nothing is polled before. */
  setSource(source: ProbeSource | undefined): void {
    this.source = source;
    this.update();
  }

  /** Whether a source is set. */
  get hasSource(): boolean {
    return this.source !== undefined;
  }

  /** Marks `jobId` as watched by a waiter; returns the function that ends the watch. */
  watch(jobId: string): () => void {
    this.watchers.set(jobId, (this.watchers.get(jobId) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.watchers.get(jobId) ?? 1) - 1;
      if (count <= 0) this.watchers.delete(jobId);
      else this.watchers.set(jobId, count);
      this.update();
    };
  }

  /** Starts or stops the polling loop to match the current state. */
  update(): void {
    if (!this.source) return;
    if (this.target() === undefined) {
      this.stop();
      return;
    }
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.loop(this.source, controller).finally(() => {
      if (this.controller === controller) this.controller = undefined;
      if (!controller.signal.aborted) this.update();
    });
  }

  /** Stops polling. */
  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  private target(): string | undefined {
    if (!this.options.wanted()) return undefined;
    for (const jobId of this.options.heldJobs()) {
      if (!this.watchers.has(jobId)) return jobId;
    }
    return undefined;
  }

  private async loop(source: ProbeSource, controller: AbortController): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        await source.delay(source.intervalMs, controller.signal);
      } catch {
        return;
      }
      const jobId = this.target();
      if (jobId === undefined) return;
      let finished = false;
      try {
        finished = await source.probe(jobId, controller.signal);
      } catch {
        // A failed probe says nothing; try again next interval.
      }
      if (controller.signal.aborted) return;
      this.options.onResult(jobId, finished);
    }
  }
}
