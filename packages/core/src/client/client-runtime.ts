/**
 * The machinery a `VideoClient`'s operations share: time sources, retries, scopes, the gate and
 * what the client has learnt about jobs. Private to the client folder.
 * @module
 */
import { ExpiredError, NotFoundError } from '../errors/index.js';
import type { BackendId, VideoJob } from '../types.js';
import type { VideoProvider } from '../video-provider.js';
import { DEFAULT_RETRY_OPTIONS, type ResolvedRetryOptions } from './backoff.js';
import { type CallScope, openCallScope } from './call-scope.js';
import { callWithRetry } from './call-with-retry.js';
import { type Clock, type Delay, systemClock, systemDelay } from './clock.js';
import type { ConcurrencyGate } from './concurrency-gate.js';
import { InProcessConcurrencyGate } from './in-process-concurrency-gate.js';
import { DEFAULT_POLL_OPTIONS, type ResolvedPollOptions } from './poll-options.js';
import type { VideoClientEvent, VideoClientOptions } from './video-client-options.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const EXPIRY_MEMORY = 1000;
const OWN_JOB_MEMORY = 1000;

/** Whether a status is final. */
export const isTerminalStatus = (status: string): boolean => TERMINAL.has(status);

/** Shared state and helpers of one client. */
export class ClientRuntime {
  readonly provider: VideoProvider;
  readonly backend: BackendId;
  readonly clock: Clock;
  readonly delay: Delay;
  readonly random: () => number;
  readonly retry: ResolvedRetryOptions;
  readonly poll: ResolvedPollOptions;
  readonly maxServiceFullRetries: number;
  readonly gate: ConcurrencyGate;
  private readonly onEvent: ((event: VideoClientEvent) => void) | undefined;
  private readonly expiries = new Map<string, Date>();
  private readonly ownJobs = new Set<string>();
  private readonly extensionCounts = new Map<string, number>();

  constructor(provider: VideoProvider, options: VideoClientOptions, gateLimit: number) {
    this.provider = provider;
    this.backend = provider.backend;
    this.clock = options.clock ?? systemClock;
    this.delay = options.delay ?? systemDelay;
    this.random = options.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.poll = { ...DEFAULT_POLL_OPTIONS, ...options.poll };
    this.maxServiceFullRetries = options.maxServiceFullRetries ?? 50;
    this.onEvent = options.onEvent;
    this.gate = options.gate ?? new InProcessConcurrencyGate({ limit: gateLimit });
    this.gate.attach?.({
      delay: this.delay,
      probeIntervalMs: this.poll.intervalMs,
      probe: (jobId, signal) => this.probe(jobId, signal),
      onEvent: (event) => this.emit(event),
    });
  }

  emit(event: VideoClientEvent): void {
    this.onEvent?.(event);
  }

  /** Remembers the job's expiry and frees its slot when it is finished. */
  observe(job: VideoJob): void {
    if (job.expiresAt) {
      this.expiries.delete(job.id);
      this.expiries.set(job.id, job.expiresAt);
      if (this.expiries.size > EXPIRY_MEMORY) this.expiries.delete(this.expiries.keys().next().value!);
    }
    if (isTerminalStatus(job.status) && this.gate.releaseJob(job.id)) {
      this.emit({ type: 'job-finished', jobId: job.id, status: job.status });
    }
  }

  /** Remembers that this client started `jobId` (reconciliation never adopts it again). */
  remember(jobId: string): void {
    this.ownJobs.delete(jobId);
    this.ownJobs.add(jobId);
    if (this.ownJobs.size > OWN_JOB_MEMORY) this.ownJobs.delete(this.ownJobs.values().next().value!);
  }

  /** Whether this client started `jobId`. */
  knows(jobId: string): boolean {
    return this.ownJobs.has(jobId);
  }

  /** Remembers how many extensions a job's chain has (for jobs this client extended). */
  recordExtensions(id: string, count: number): void {
    this.extensionCounts.set(id, count);
    if (this.extensionCounts.size > EXPIRY_MEMORY) {
      this.extensionCounts.delete(this.extensionCounts.keys().next().value!);
    }
  }

  /** How many extensions a job's chain has, when this client made it by extending (else 0). */
  extensionsOf(id: string): number {
    return this.extensionCounts.get(id) ?? 0;
  }

  /** The expiry last seen for a job. */
  expiryOf(id: string): Date | undefined {
    return this.expiries.get(id);
  }

  /** A 404 means the job is gone: free its slot, and call it expired when its expiry has passed. */
  notFound(error: unknown, id: string, expiresAt: Date | undefined): unknown {
    if (!NotFoundError.isInstance(error)) return error;
    this.gate.releaseJob(id);
    const known = expiresAt ?? this.expiries.get(id);
    if (known && known.getTime() <= this.clock.now()) {
      return new ExpiredError({ jobId: id, expiresAt: known, cause: error });
    }
    return error;
  }

  /** Runs one remote call with the client's retry policy. */
  call<T>(
    operation: string,
    fn: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    shouldRetry?: (error: unknown) => boolean,
  ): Promise<T> {
    return callWithRetry(fn, {
      operation,
      retry: this.retry,
      clock: this.clock,
      delay: this.delay,
      random: this.random,
      signal,
      ...(shouldRetry ? { shouldRetry } : {}),
      onRetry: (notice) => this.emit({ type: 'retry', ...notice }),
    });
  }

  openScope(signal: AbortSignal | undefined, timeoutMs: number | undefined, jobId?: string): CallScope {
    return openCallScope({ signal, timeoutMs, jobId, delay: this.delay });
  }

  /** Runs `run` under the caller's signal, turning an abort into `AbortedError`. */
  async scoped<T>(
    signal: AbortSignal | undefined,
    jobId: string | undefined,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const scope = this.openScope(signal, undefined, jobId);
    try {
      return await run(scope.signal);
    } catch (error) {
      throw scope.fail(error);
    } finally {
      scope.dispose();
    }
  }

  /** The gate's self-polling: is this held job finished (or gone)? */
  private async probe(jobId: string, signal: AbortSignal): Promise<boolean> {
    try {
      const { job } = await this.provider.get(jobId, { signal });
      this.observe(job);
      return isTerminalStatus(job.status);
    } catch (error) {
      if (NotFoundError.isInstance(error)) return true;
      throw error;
    }
  }
}
