/**
 * `VideoClient`: any `VideoProvider` plus validation, the concurrency gate, waiting, retries and
 * job handles.
 * @module
 */
import { type Capabilities, resolveCapabilities } from '../capabilities/index.js';
import {
  ExpiredError,
  NotFoundError,
  QuotaExceededError,
  UnsupportedCapabilityError,
  ValidationError,
  VideoApiError,
} from '../errors/index.js';
import type {
  BackendId,
  CreateVideoRequest,
  RemixVideoRequest,
  VideoDownload,
  VideoJob,
  VideoJobPage,
} from '../types.js';
import { validateCreateRequest, validateRemixRequest } from '../validation/index.js';
import type { ProviderJobResult, VideoProvider } from '../video-provider.js';
import { DEFAULT_RETRY_OPTIONS, type ResolvedRetryOptions } from './backoff.js';
import { type CallScope, openCallScope } from './call-scope.js';
import { callWithRetry, isRetryableError } from './call-with-retry.js';
import { type Clock, type Delay, systemClock, systemDelay } from './clock.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { jobFailedError } from './job-failed.js';
import { isHandle, type JobHandle, type JobHandleSource, parseHandle, toHandle } from './job-handle.js';
import { DEFAULT_POLL_OPTIONS, nextPollDelay, type ResolvedPollOptions } from './poll-options.js';
import { ProgressTracker } from './progress-tracker.js';
import type {
  CallOptions,
  CreateOptions,
  DownloadOptions,
  DownloadToFileResult,
  GenerateOptions,
  ListOptions,
  VideoClientEvent,
  VideoClientOptions,
  WaitOptions,
} from './video-client-options.js';

/** A job id, a handle string from `toHandle`, or a job (anything with `backend` and `id`). */
export type JobRef = string | JobHandleSource;

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const EXPIRY_MEMORY = 1000;

/**
 * Wraps a provider with everything a caller needs around the raw API calls. The public
 * `createVideoClient({ backend, ... })` of the `sora-kit` package builds one of these.
 *
 * @example
 * ```ts
 * const client = createClient(provider, { poll: { intervalMs: 10_000 } });
 * const job = await client.generate(
 *   { prompt: 'a red balloon over a lake', seconds: 4 },
 *   { onProgress: ({ progress }) => console.log(`${progress}%`) },
 * );
 * await client.downloadToFile(job, 'balloon.mp4');
 * ```
 */
export class VideoClient {
  /** The wrapped backend. */
  readonly provider: VideoProvider;
  /** The backend this client talks to; handles for another backend are refused. */
  readonly backend: BackendId;
  /** Capabilities of the provider's model (or the backend's default model), overrides merged. */
  readonly capabilities: Capabilities;
  /** The concurrency gate: `gate.available`, `gate.held`, `gate.queued`. */
  readonly gate: ConcurrencyGate;
  /** This client's scope in handles, when set. */
  readonly scope: string | undefined;
  private readonly options: VideoClientOptions;
  private readonly clock: Clock;
  private readonly delay: Delay;
  private readonly random: () => number;
  private readonly retry: ResolvedRetryOptions;
  private readonly poll: ResolvedPollOptions;
  private readonly maxServiceFullRetries: number;
  private readonly expiries = new Map<string, Date>();

  constructor(provider: VideoProvider, options: VideoClientOptions = {}) {
    this.provider = provider;
    this.backend = provider.backend;
    this.options = options;
    this.scope = options.scope;
    this.clock = options.clock ?? systemClock;
    this.delay = options.delay ?? systemDelay;
    this.random = options.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.poll = { ...DEFAULT_POLL_OPTIONS, ...options.poll };
    this.maxServiceFullRetries = options.maxServiceFullRetries ?? 50;
    this.capabilities = this.capabilitiesFor(provider.model);
    this.gate = new ConcurrencyGate({
      limit: options.maxConcurrentJobs ?? this.capabilities.maxConcurrentJobs,
      delay: this.delay,
      probeIntervalMs: this.poll.intervalMs,
      probe: (jobId, signal) => this.probe(jobId, signal),
      onEvent: (event) => this.emit(event),
    });
  }

  /** Capabilities for `model` (a model id or, on Azure, a deployment name), overrides merged. */
  capabilitiesFor(model?: string): Capabilities {
    return resolveCapabilities(this.backend, model, {
      ...(this.options.capabilities ? { overrides: this.options.capabilities } : {}),
      ...(this.options.deploymentModel ? { deploymentModel: this.options.deploymentModel } : {}),
    });
  }

  /**
   * Checks a request against the capabilities of its model without sending anything, and returns it
   * with the capability defaults applied (size, seconds, variants, input placement): what `create`
   * hands to the provider.
   * @throws {ValidationError | UnsupportedCapabilityError} naming the backend and the field or feature.
   */
  validate(request: CreateVideoRequest): CreateVideoRequest {
    const normalized = validateCreateRequest(
      request,
      this.capabilitiesFor(request.model ?? this.provider.model),
    );
    return {
      prompt: normalized.prompt,
      size: normalized.size,
      seconds: normalized.seconds,
      variants: normalized.variants,
      ...(normalized.model === undefined ? {} : { model: normalized.model }),
      ...(normalized.inputs.length === 0 ? {} : { inputs: normalized.inputs }),
    };
  }

  /** Whether this client's backend accepts `request` (a router asks this before choosing a client). */
  accepts(request: CreateVideoRequest): boolean {
    try {
      this.validate(request);
      return true;
    } catch {
      return false;
    }
  }

  /** Whether a create would start at once, without queueing. */
  hasFreeSlot(): boolean {
    return this.gate.available > 0;
  }

  /**
   * Validates the request, waits for a free slot of the concurrency gate (FIFO), then starts the job.
   * @throws {ValidationError | UnsupportedCapabilityError} before anything is sent.
   */
  async create(request: CreateVideoRequest, options: CreateOptions = {}): Promise<VideoJob> {
    const checked = this.validate(request);
    const result = await this.startJob(
      'create',
      (signal) => this.provider.create(checked, { signal }),
      options,
    );
    return result.job;
  }

  /** Starts a remix of a finished job (Sora 2), through the gate like `create`. */
  async remix(ref: JobRef, request: RemixVideoRequest, options: CreateOptions = {}): Promise<VideoJob> {
    const { id } = this.resolve(ref);
    const checked = validateRemixRequest(request, this.capabilities);
    const remix = this.provider.remix?.bind(this.provider);
    if (!remix) throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'remix' });
    const result = await this.startJob('remix', (signal) => remix(id, checked, { signal }), options);
    return result.job;
  }

  /**
   * Polls the job until it completes and returns it. Waits as the caller's `pollIntervalMs`, else the
   * service's `openai-poll-after-ms`, else an adaptive interval says.
   * @throws {JobFailedError} when the job fails or is cancelled (`code` `'cancelled'`).
   * @throws {TimeoutError | AbortedError} when the deadline passes or the signal aborts.
   */
  async wait(ref: JobRef, options: WaitOptions = {}): Promise<VideoJob> {
    const { id, expiresAt } = this.resolve(ref);
    return this.pollUntilDone(id, expiresAt, options);
  }

  /** `create` then `wait`; `timeoutMs` bounds the whole (queueing included). */
  async generate(request: CreateVideoRequest, options: GenerateOptions = {}): Promise<VideoJob> {
    const checked = this.validate(request);
    const scope = this.openScope(options.signal, options.timeoutMs ?? this.poll.timeoutMs);
    let jobId: string | undefined;
    try {
      const started = await this.startJob('create', (signal) => this.provider.create(checked, { signal }), {
        signal: scope.signal,
        ...(options.onQueuePosition ? { onQueuePosition: options.onQueuePosition } : {}),
      });
      jobId = started.job.id;
      return await this.pollUntilDone(
        started.job.id,
        undefined,
        { ...options, signal: scope.signal, timeoutMs: Number.POSITIVE_INFINITY },
        started,
      );
    } catch (error) {
      throw scope.fail(error, jobId);
    } finally {
      scope.dispose();
    }
  }

  /** Reads a job once. */
  async get(ref: JobRef, options: CallOptions = {}): Promise<VideoJob> {
    const { id, expiresAt } = this.resolve(ref);
    return this.scoped(options, id, async (signal) => {
      const { job } = await this.call('get', (s) => this.provider.get(id, { signal: s }), signal).catch(
        (error: unknown) => {
          throw this.notFound(error, id, expiresAt);
        },
      );
      this.observe(job);
      return job;
    });
  }

  /** Every job the backend lists, across all pages. */
  async *list(options: ListOptions = {}): AsyncGenerator<VideoJob, void, undefined> {
    const seen = new Set<string>();
    let cursor = options.cursor;
    for (;;) {
      const page = await this.listPage({ ...options, ...(cursor === undefined ? {} : { cursor }) });
      yield* page.jobs;
      cursor = page.nextCursor;
      if (cursor === undefined || seen.has(cursor)) return;
      seen.add(cursor);
    }
  }

  /** One page of the listing; pass `nextCursor` back as `cursor` for the next one. */
  async listPage(options: ListOptions = {}): Promise<VideoJobPage> {
    return this.scoped(options, undefined, async (signal) => {
      const page = await this.call(
        'list',
        (s) =>
          this.provider.list({
            signal: s,
            ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
            ...(options.limit === undefined ? {} : { limit: options.limit }),
          }),
        signal,
      );
      for (const job of page.jobs) this.observe(job);
      return page;
    });
  }

  /** Deletes a job and its outputs, and frees its slot. */
  async delete(ref: JobRef, options: CallOptions = {}): Promise<void> {
    const { id } = this.resolve(ref);
    await this.scoped(options, id, async (signal) => {
      try {
        await this.call('delete', (s) => this.provider.delete(id, { signal: s }), signal);
      } finally {
        this.forget(id);
      }
    });
  }

  /** Cancels an unfinished job (Sora 1) and frees its slot. */
  async cancel(ref: JobRef, options: CallOptions = {}): Promise<void> {
    const { id } = this.resolve(ref);
    const cancel = this.provider.cancel?.bind(this.provider);
    if (!this.capabilities.cancel || !cancel) {
      throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'cancel' });
    }
    await this.scoped(options, id, async (signal) => {
      await this.call('cancel', (s) => cancel(id, { signal: s }), signal);
      this.forget(id);
    });
  }

  /** Streams one output of a finished job. */
  async download(ref: JobRef, options: DownloadOptions = {}): Promise<VideoDownload> {
    const { id, expiresAt } = this.resolve(ref);
    const { signal: _, ...rest } = options;
    return this.scoped(options, id, (signal) =>
      this.call('download', (s) => this.provider.download(id, { ...rest, signal: s }), signal).catch(
        (error: unknown) => {
          throw this.notFound(error, id, expiresAt);
        },
      ),
    );
  }

  /**
   * Node: streams one output to `path` with bounded memory. Writes a temporary file next to `path`
   * and renames it when complete, so an error never leaves a partial file.
   */
  async downloadToFile(
    ref: JobRef,
    path: string,
    options: DownloadOptions = {},
  ): Promise<DownloadToFileResult> {
    const { writeStreamToFile } = await import('./write-stream-to-file.js');
    const download = await this.download(ref, options);
    const tempTag = Math.floor(this.random() * 36 ** 8).toString(36);
    const bytes = await this.scoped(options, undefined, (signal) =>
      writeStreamToFile(download.stream, path, {
        signal,
        tempTag,
        ...(download.contentLength === undefined ? {} : { expectedBytes: download.contentLength }),
      }),
    );
    return { path, bytes, contentType: download.contentType };
  }

  /** A handle string for `job` carrying this client's scope; resume it later with `wait(handle)` etc. */
  toHandle(job: JobHandleSource): string {
    return toHandle({ ...job, ...(this.scope === undefined ? {} : { scope: this.scope }) });
  }

  /**
   * Reads a handle and checks that it belongs to this client.
   * @throws {ValidationError} (field `handle`) for a malformed handle or one of another backend or scope.
   */
  fromHandle(handle: string): JobHandle {
    const parsed = parseHandle(handle);
    this.checkOwner(parsed, handle);
    return parsed;
  }

  private resolve(ref: JobRef): { id: string; expiresAt: Date | undefined } {
    if (typeof ref === 'string') {
      if (!isHandle(ref)) return { id: ref, expiresAt: this.expiries.get(ref) };
      const handle = this.fromHandle(ref);
      return { id: handle.id, expiresAt: handle.expiresAt ?? this.expiries.get(handle.id) };
    }
    this.checkOwner(ref, ref.id);
    return { id: ref.id, expiresAt: ref.expiresAt ?? this.expiries.get(ref.id) };
  }

  private checkOwner(ref: { backend: BackendId; scope?: string | undefined }, value: string): void {
    let problem: string | undefined;
    if (ref.backend !== this.backend) {
      problem = `the job belongs to ${ref.backend}, but this client serves ${this.backend}`;
    } else if (ref.scope !== undefined && this.scope !== undefined && ref.scope !== this.scope) {
      problem = `the job belongs to scope "${ref.scope}", but this client's scope is "${this.scope}"`;
    }
    if (problem) {
      throw new ValidationError({
        issues: [{ field: 'handle', value, backend: this.backend, message: `handle: ${problem}` }],
      });
    }
  }

  private async startJob(
    operation: 'create' | 'remix',
    start: (signal: AbortSignal) => Promise<ProviderJobResult>,
    options: CreateOptions,
  ): Promise<ProviderJobResult> {
    const scope = this.openScope(options.signal, options.timeoutMs);
    try {
      for (let refusals = 0; ; ) {
        const slot = await this.gate.acquire({
          signal: scope.signal,
          front: refusals > 0,
          ...(options.onQueuePosition ? { onQueuePosition: options.onQueuePosition } : {}),
        });
        let result: ProviderJobResult;
        try {
          result = await this.call(operation, start, scope.signal, (error) => this.mayRetryStart(error));
        } catch (error) {
          slot.release();
          if (!isServiceFull(error) || refusals >= this.maxServiceFullRetries || scope.signal.aborted)
            throw error;
          refusals++;
          this.emit({ type: 'service-full', retryAfterMs: error.retryAfterMs, refusals });
          this.gate.pause(error.retryAfterMs);
          continue;
        }
        slot.bind(result.job.id);
        this.observe(result.job);
        return result;
      }
    } catch (error) {
      throw scope.fail(error);
    } finally {
      scope.dispose();
    }
  }

  private mayRetryStart(error: unknown): boolean {
    if (!isRetryableError(error) || isServiceFull(error)) return false;
    return (VideoApiError.isInstance(error) && error.status === 429) || this.retry.retryCreateOnServerError;
  }

  private async pollUntilDone(
    id: string,
    expiresAt: Date | undefined,
    options: WaitOptions,
    first?: ProviderJobResult,
  ): Promise<VideoJob> {
    const scope = this.openScope(options.signal, options.timeoutMs ?? this.poll.timeoutMs, id);
    const unwatch = this.gate.watch(id);
    const tracker = new ProgressTracker(options.onProgress);
    try {
      let read = first;
      for (let polls = 0; ; polls++) {
        if (!read) {
          read = await this.call('get', (s) => this.provider.get(id, { signal: s }), scope.signal).catch(
            (error: unknown) => {
              throw this.notFound(error, id, expiresAt);
            },
          );
        }
        const { job, hint } = read;
        this.observe(job);
        tracker.observe(job);
        if (job.status === 'completed') return job;
        if (job.status === 'failed' || job.status === 'cancelled') throw jobFailedError(job);
        const nextDelayMs = nextPollDelay(polls, this.poll, options.pollIntervalMs, hint?.pollAfterMs);
        this.emit({ type: 'poll', jobId: id, status: job.status, progress: job.progress, nextDelayMs });
        await this.delay(nextDelayMs, scope.signal);
        read = undefined;
      }
    } catch (error) {
      throw scope.fail(error, id);
    } finally {
      unwatch();
      scope.dispose();
    }
  }

  private async probe(jobId: string, signal: AbortSignal): Promise<boolean> {
    try {
      const { job } = await this.provider.get(jobId, { signal });
      this.observe(job);
      return TERMINAL.has(job.status);
    } catch (error) {
      if (NotFoundError.isInstance(error)) return true;
      throw error;
    }
  }

  private observe(job: VideoJob): void {
    if (job.expiresAt) {
      this.expiries.delete(job.id);
      this.expiries.set(job.id, job.expiresAt);
      if (this.expiries.size > EXPIRY_MEMORY) this.expiries.delete(this.expiries.keys().next().value!);
    }
    if (TERMINAL.has(job.status) && this.gate.releaseJob(job.id)) {
      this.emit({ type: 'job-finished', jobId: job.id, status: job.status });
    }
  }

  private forget(id: string): void {
    this.gate.releaseJob(id);
  }

  private notFound(error: unknown, id: string, expiresAt: Date | undefined): unknown {
    if (!NotFoundError.isInstance(error)) return error;
    this.forget(id);
    const known = expiresAt ?? this.expiries.get(id);
    if (known && known.getTime() <= this.clock.now())
      return new ExpiredError({ jobId: id, expiresAt: known, cause: error });
    return error;
  }

  private call<T>(
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

  private openScope(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    jobId?: string,
  ): CallScope {
    return openCallScope({ signal, timeoutMs, jobId, delay: this.delay });
  }

  private async scoped<T>(
    options: CallOptions,
    jobId: string | undefined,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const scope = this.openScope(options.signal, undefined, jobId);
    try {
      return await run(scope.signal);
    } catch (error) {
      throw scope.fail(error);
    } finally {
      scope.dispose();
    }
  }

  private emit(event: VideoClientEvent): void {
    this.options.onEvent?.(event);
  }
}

function isServiceFull(error: unknown): error is QuotaExceededError {
  return QuotaExceededError.isInstance(error) && error.reason === 'concurrency';
}

/**
 * Creates a {@link VideoClient} around `provider`.
 *
 * @example
 * ```ts
 * const clock = createTestClock();
 * const client = createClient(provider, { clock, delay: clock.delay, maxConcurrentJobs: 2 });
 * ```
 */
export function createClient(provider: VideoProvider, options?: VideoClientOptions): VideoClient {
  return new VideoClient(provider, options);
}
