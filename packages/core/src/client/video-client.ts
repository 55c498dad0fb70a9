/**
 * `VideoClient`: any `VideoProvider` plus validation, the concurrency gate, waiting, retries and
 * job handles.
 * @module
 */
import { type Capabilities, resolveCapabilities } from '../capabilities/index.js';
import { UnsupportedCapabilityError, ValidationError } from '../errors/index.js';
import { lintPrompt } from '../prompt/index.js';
import type {
  BackendId,
  CreateCharacterRequest,
  CreateVideoRequest,
  EditVideoRequest,
  ExtendVideoRequest,
  RemixVideoRequest,
  VideoCharacter,
  VideoDownload,
  VideoJob,
  VideoJobPage,
} from '../types.js';
import {
  validateCharacterRequest,
  validateCreateRequest,
  validateEditRequest,
  validateExtendRequest,
  validateRemixRequest,
} from '../validation/index.js';
import type { VideoProvider } from '../video-provider.js';
import { ClientRuntime } from './client-runtime.js';
import type { ConcurrencyGate } from './concurrency-gate.js';
import { type JobHandle, type JobHandleSource, parseHandle, toHandle } from './job-handle.js';
import { checkJobOwner, type JobRef, resolveJobRef } from './job-ref.js';
import { pollUntilDone } from './poll-until-done.js';
import { mayRetryStart, startJob } from './start-job.js';
import type {
  CallOptions,
  CreateOptions,
  DownloadOptions,
  DownloadToFileResult,
  GenerateOptions,
  ListOptions,
  VideoClientOptions,
  WaitOptions,
} from './video-client-options.js';

/**
 * Wraps a provider with everything a caller needs around the raw API calls. (The `sora-kit`
 * package's `createVideoClient({ backend, ... })` builds the provider and then one of these.)
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
  /** The backend this client talks to; handles and jobs of another backend are refused. */
  readonly backend: BackendId;
  /** Capabilities of the provider's model (or the backend's default model), overrides merged. */
  readonly capabilities: Capabilities;
  /** The concurrency gate: `gate.available`, `gate.held`, `gate.queued`, `gate.limit`. */
  readonly gate: ConcurrencyGate;
  /** This client's scope in handles, when set. */
  readonly scope: string | undefined;
  private readonly options: VideoClientOptions;
  private readonly runtime: ClientRuntime;

  constructor(provider: VideoProvider, options: VideoClientOptions = {}) {
    this.provider = provider;
    this.backend = provider.backend;
    this.options = options;
    this.scope = options.scope;
    this.capabilities = this.capabilitiesFor(provider.model);
    this.runtime = new ClientRuntime(
      provider,
      options,
      options.maxConcurrentJobs ?? this.capabilities.maxConcurrentJobs,
    );
    this.gate = this.runtime.gate;
  }

  /** Capabilities for `model` (a model id or, on Azure, a deployment name), overrides merged. */
  capabilitiesFor(model?: string): Capabilities {
    const own = this.provider.capabilities;
    return resolveCapabilities(this.backend, model, {
      ...(own === undefined ? {} : { table: { [this.backend]: own } }),
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
      ...(normalized.characters.length === 0 ? {} : { characters: normalized.characters }),
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
   * @throws {QuotaExceededError} when the service stays full past `maxServiceFullRetries`, or on a billing quota.
   */
  async create(request: CreateVideoRequest, options: CreateOptions = {}): Promise<VideoJob> {
    const checked = this.validate(request);
    const started = await startJob(
      this.runtime,
      'create',
      (call) => this.provider.create(checked, call),
      options,
      checked,
    );
    return started.job;
  }

  /** Starts a remix of a finished job (Sora 2), through the gate like `create`. */
  async remix(ref: JobRef, request: RemixVideoRequest, options: CreateOptions = {}): Promise<VideoJob> {
    const { id } = this.resolve(ref);
    const checked = validateRemixRequest(request, this.capabilities);
    const remix = this.provider.remix?.bind(this.provider);
    if (!remix) throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'remix' });
    const started = await startJob(this.runtime, 'remix', (call) => remix(id, checked, call), options, {
      prompt: checked.prompt,
      remixedFromId: id,
    });
    return started.job;
  }

  /**
   * Starts an edit of a completed video (Sora 2 on OpenAI): same size and length, changed as the
   * prompt says. Through the gate like `create`; wait for it with `wait`.
   * @throws {UnsupportedCapabilityError} before sending, on a backend without edits (Sora 1, Azure).
   * @throws {ValidationError} before sending, for an empty or too long prompt.
   */
  async edit(ref: JobRef, request: EditVideoRequest, options: CreateOptions = {}): Promise<VideoJob> {
    const { id } = this.resolve(ref);
    const checked = validateEditRequest(request, this.capabilities);
    const edit = this.provider.edit?.bind(this.provider);
    if (!edit) throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'edit' });
    const started = await startJob(this.runtime, 'edit', (call) => edit(id, checked, call), options);
    return started.job;
  }

  /**
   * Starts an extension of a completed video (Sora 2 on OpenAI): the new job lasts the stitched
   * total. The source is read first (unless `ref` is a completed job object), so an unfinished
   * source, an extension length the model refuses, a total over the limit and (for chains this
   * client made) a seventh extension are refused before the extension is sent.
   * @throws {UnsupportedCapabilityError} before sending, on a backend without extensions.
   * @throws {ValidationError} before sending, naming `prompt`, `seconds` or `video`.
   */
  async extend(ref: JobRef, request: ExtendVideoRequest, options: CreateOptions = {}): Promise<VideoJob> {
    const { id } = this.resolve(ref);
    validateExtendRequest(request, this.capabilities);
    const extend = this.provider.extend?.bind(this.provider);
    if (!extend) throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'extend' });
    const source =
      typeof ref === 'object' && 'status' in ref && (ref as VideoJob).status === 'completed'
        ? (ref as VideoJob)
        : await this.get(ref, options.signal ? { signal: options.signal } : {});
    if (source.status !== 'completed') {
      throw new ValidationError({
        issues: [
          {
            field: 'video',
            value: id,
            backend: this.backend,
            message: `video: ${id} is ${source.status}; only completed videos can be extended`,
          },
        ],
      });
    }
    const extensions = this.runtime.extensionsOf(id);
    const checked = validateExtendRequest(
      request,
      this.capabilitiesFor(source.model ?? this.provider.model),
      {
        id,
        seconds: source.seconds,
        extensions,
      },
    );
    const started = await startJob(this.runtime, 'extend', (call) => extend(id, checked, call), options);
    this.runtime.recordExtensions(started.job.id, extensions + 1);
    return started.job;
  }

  /**
   * Uploads a clip and makes a character of it (Sora 2 on OpenAI). Characters belong to the
   * credential, never expire, and are placed with `create({ ..., characters: [id] })`.
   * Retried only on 429 (a retry after a server error could make a second character).
   * @throws {UnsupportedCapabilityError | ValidationError} before sending (name 1..80, MP4 clip).
   */
  async createCharacter(request: CreateCharacterRequest, options: CallOptions = {}): Promise<VideoCharacter> {
    const checked = validateCharacterRequest(request, this.capabilities);
    const create = this.provider.createCharacter?.bind(this.provider);
    if (!create) throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'characters' });
    return this.runtime.scoped(options.signal, undefined, (signal) =>
      this.runtime.call(
        'createCharacter',
        (s) => create(checked, { signal: s }),
        signal,
        mayRetryStart(this.runtime),
      ),
    );
  }

  /**
   * Reads a character by id (`char_...`).
   * @throws {UnsupportedCapabilityError} before sending, on a backend without characters.
   * @throws {NotFoundError} when no character of this credential has the id.
   */
  async getCharacter(id: string, options: CallOptions = {}): Promise<VideoCharacter> {
    const get = this.provider.getCharacter?.bind(this.provider);
    if (!this.capabilities.characters || !get) {
      throw new UnsupportedCapabilityError({ backend: this.backend, capability: 'characters' });
    }
    if (typeof id !== 'string' || id.trim() === '') {
      throw new ValidationError({
        issues: [
          {
            field: 'id',
            value: id,
            backend: this.backend,
            message: `id: ${JSON.stringify(id)} is not a character id (char_...)`,
          },
        ],
      });
    }
    return this.runtime.scoped(options.signal, undefined, (signal) =>
      this.runtime.call('getCharacter', (s) => get(id, { signal: s }), signal),
    );
  }

  /**
   * Polls the job until it completes and returns it. Waits as the caller's `pollIntervalMs`, else the
   * service's `openai-poll-after-ms`, else an adaptive interval says.
   * @throws {JobFailedError} when the job fails or is cancelled (`code` `'cancelled'`).
   * @throws {TimeoutError | AbortedError} when the deadline passes or the signal aborts.
   * @throws {NotFoundError | ExpiredError} when the job is gone (expired when its known expiry has passed).
   */
  async wait(ref: JobRef, options: WaitOptions = {}): Promise<VideoJob> {
    const { id, expiresAt } = this.resolve(ref);
    return pollUntilDone(this.runtime, id, expiresAt, options);
  }

  /**
   * `create` then `wait`; `timeoutMs` (default `poll.timeoutMs`) bounds the whole, queueing included.
   * With `onWarning`, the prompt's advice (`lintPrompt`) is reported first.
   */
  async generate(request: CreateVideoRequest, options: GenerateOptions = {}): Promise<VideoJob> {
    const checked = this.validate(request);
    if (options.onWarning)
      for (const warning of lintPrompt(checked.prompt, options.lint)) options.onWarning(warning);
    const scope = this.runtime.openScope(options.signal, options.timeoutMs ?? this.runtime.poll.timeoutMs);
    let jobId: string | undefined;
    try {
      const started = await startJob(
        this.runtime,
        'create',
        (call) => this.provider.create(checked, call),
        {
          signal: scope.signal,
          ...(options.onQueuePosition ? { onQueuePosition: options.onQueuePosition } : {}),
        },
        checked,
      );
      jobId = started.job.id;
      const waitOptions = { ...options, signal: scope.signal, timeoutMs: Number.POSITIVE_INFINITY };
      return await pollUntilDone(this.runtime, jobId, undefined, waitOptions, started);
    } catch (error) {
      throw scope.fail(error, jobId);
    } finally {
      scope.dispose();
    }
  }

  /** Reads a job once. */
  async get(ref: JobRef, options: CallOptions = {}): Promise<VideoJob> {
    const { id, expiresAt } = this.resolve(ref);
    return this.runtime.scoped(options.signal, id, async (signal) => {
      const read = await this.runtime
        .call('get', (s) => this.provider.get(id, { signal: s }), signal)
        .catch((error: unknown) => {
          throw this.runtime.notFound(error, id, expiresAt);
        });
      this.runtime.observe(read.job);
      return read.job;
    });
  }

  /** Every job the backend lists, across all pages (`limit` is the page size). */
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
    const { signal: _signal, ...query } = options;
    return this.runtime.scoped(options.signal, undefined, async (signal) => {
      const page = await this.runtime.call(
        'list',
        (s) => this.provider.list({ ...query, signal: s }),
        signal,
      );
      for (const job of page.jobs) this.runtime.observe(job);
      return page;
    });
  }

  /** Deletes a job and its outputs, and frees its slot. */
  async delete(ref: JobRef, options: CallOptions = {}): Promise<void> {
    const { id } = this.resolve(ref);
    await this.runtime.scoped(options.signal, id, async (signal) => {
      try {
        await this.runtime.call('delete', (s) => this.provider.delete(id, { signal: s }), signal);
      } finally {
        this.gate.releaseJob(id);
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
    await this.runtime.scoped(options.signal, id, async (signal) => {
      await this.runtime.call('cancel', (s) => cancel(id, { signal: s }), signal);
      this.gate.releaseJob(id);
    });
  }

  /** Streams one output of a finished job. The request is retried; the stream itself is not. */
  async download(ref: JobRef, options: DownloadOptions = {}): Promise<VideoDownload> {
    const { id, expiresAt } = this.resolve(ref);
    const { signal: _signal, output, ...rest } = options;
    const outputId = typeof output === 'string' ? output : (output?.id ?? rest.outputId);
    if (outputId !== undefined) rest.outputId = outputId;
    return this.runtime.scoped(options.signal, id, (signal) =>
      this.runtime
        .call('download', (s) => this.provider.download(id, { ...rest, signal: s }), signal)
        .catch((error: unknown) => {
          throw this.runtime.notFound(error, id, expiresAt);
        }),
    );
  }

  /**
   * Node: streams one output to `path` with bounded memory. Writes `<path>.<random>.part` and renames
   * it when complete, so an error never leaves a partial file (nor touches an existing `path`).
   */
  async downloadToFile(
    ref: JobRef,
    path: string,
    options: DownloadOptions = {},
  ): Promise<DownloadToFileResult> {
    const { writeStreamToFile } = await import('./write-stream-to-file.js');
    const download = await this.download(ref, options);
    const tempTag = Math.floor(this.runtime.random() * 36 ** 8).toString(36);
    const bytes = await this.runtime.scoped(options.signal, undefined, (signal) =>
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
    checkJobOwner(this, parsed, handle);
    return parsed;
  }

  private resolve(ref: JobRef): { id: string; expiresAt: Date | undefined } {
    const { id, expiresAt } = resolveJobRef(this, ref);
    return { id, expiresAt: expiresAt ?? this.runtime.expiryOf(id) };
  }
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
