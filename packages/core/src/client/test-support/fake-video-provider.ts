/**
 * A scripted in-memory backend for VideoClient tests (a test double of the remote service, not of
 * sora-kit code). Job status is derived from the injected clock, like the emulator's engine.
 * @module
 */
import type { BackendCapabilities } from '../../capabilities/index.js';
import { NotFoundError, QuotaExceededError } from '../../errors/index.js';
import type {
  BackendId,
  CreateVideoRequest,
  RemixVideoRequest,
  VideoJob,
  VideoJobPage,
  VideoStatus,
} from '../../types.js';
import { parseSize } from '../../validation/index.js';
import type {
  ProviderCallOptions,
  ProviderCreateOptions,
  ProviderDownloadOptions,
  ProviderJobResult,
  ProviderListOptions,
  VideoProvider,
} from '../../video-provider.js';
import type { Clock } from '../clock.js';

/** How one fake job runs. */
export interface FakeJobPlan {
  /** Time spent queued (default 1000 ms). */
  queuedMs?: number;
  /** Time spent in progress (default 10000 ms). */
  runningMs?: number;
  /** Final state (default completed). */
  outcome?: 'completed' | 'cancelled' | { code: string; message?: string };
  /** Progress reported while running, given the linear progress; lets a test report going backwards. */
  progress?: (linear: number, readCount: number) => number;
}

/** Options of {@link FakeVideoProvider}. */
export interface FakeVideoProviderOptions {
  clock: Clock;
  backend?: BackendId;
  /** The provider's own capability table (needed for a backend other than the three Sora ones). */
  capabilities?: BackendCapabilities;
  /** Plan of each created job, by creation index (0-based). */
  plan?: FakeJobPlan | ((index: number, request: CreateVideoRequest) => FakeJobPlan);
  /** Service concurrency limit: a create beyond it gets a 429 concurrency error. Default none. */
  serviceLimit?: number;
  /** `retryAfterMs` of that 429. */
  serviceFullRetryAfterMs?: number;
  /** `openai-poll-after-ms` hint sent with unfinished jobs. */
  pollAfterMs?: number;
  /** Bytes served by `download`, in chunks of `chunkSize` (default 4). */
  content?: Uint8Array;
  chunkSize?: number;
  /** Makes the download stream error after this many bytes. */
  failDownloadAfterBytes?: number;
}

type Method = 'create' | 'get' | 'list' | 'delete' | 'download' | 'remix' | 'cancel';

interface FakeJob {
  id: string;
  createdAt: number;
  plan: Required<Omit<FakeJobPlan, 'progress'>> & Pick<FakeJobPlan, 'progress'>;
  reads: number;
  prompt?: string;
  /** Frame size and seconds the create asked for (default 1280x720, 4 s). */
  shape?: { width: number; height: number; seconds: number };
  cancelledAt?: number;
  deleted?: boolean;
  external: boolean;
}

/** The fake backend. Counts calls, records the most unfinished jobs it ever held, injects errors. */
export class FakeVideoProvider implements VideoProvider {
  readonly backend: BackendId;
  readonly capabilities: BackendCapabilities | undefined;
  /** Calls per method. */
  readonly calls: Record<Method, number> = {
    create: 0,
    get: 0,
    list: 0,
    delete: 0,
    download: 0,
    remix: 0,
    cancel: 0,
  };
  /** Options passed to `download`, in call order (without the signal). */
  readonly downloadOptions: ProviderDownloadOptions[] = [];
  /** Ids passed to `get`, in call order, with the clock time of each call. */
  readonly gets: { id: string; at: number }[] = [];
  /** Requests `create` received, in call order. */
  readonly requests: CreateVideoRequest[] = [];
  /** Clock times of each `create` call, including refused ones. */
  readonly createTimes: number[] = [];
  /** The most unfinished jobs the service held at once. */
  maxUnfinished = 0;
  readonly jobs = new Map<string, FakeJob>();
  private readonly options: FakeVideoProviderOptions;
  private readonly failures = new Map<Method, unknown[]>();
  private readonly lostAnswers: unknown[] = [];
  /** The `Idempotency-Key` of every create. */
  readonly idempotencyKeys: (string | undefined)[] = [];
  private created = 0;

  constructor(options: FakeVideoProviderOptions) {
    this.options = options;
    this.backend = options.backend ?? 'openai-sora2';
    this.capabilities = options.capabilities;
  }

  /** The next calls of `method` throw these errors, one per call, before doing anything. */
  failNext(method: Method, ...errors: unknown[]): this {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
    return this;
  }

  /** The next creates make their job, then throw these errors (the answer is lost on the way back). */
  loseNextAnswer(...errors: unknown[]): this {
    this.lostAnswers.push(...errors);
    return this;
  }

  /** Adds a job created by someone else (it occupies a service slot but not a client slot). */
  addExternalJob(plan: FakeJobPlan = {}, prompt?: string): string {
    const job = this.addJob(plan, true);
    if (prompt !== undefined) job.prompt = prompt;
    return job.id;
  }

  /** Unfinished jobs right now. */
  unfinished(): number {
    let count = 0;
    for (const job of this.jobs.values()) {
      if (!job.deleted && !this.isTerminal(this.statusOf(job))) count++;
    }
    return count;
  }

  async create(request: CreateVideoRequest, options?: ProviderCreateOptions): Promise<ProviderJobResult> {
    this.createTimes.push(this.options.clock.now());
    this.idempotencyKeys.push(options?.idempotencyKey);
    this.requests.push(request);
    this.enter('create');
    if (this.options.serviceLimit !== undefined && this.unfinished() >= this.options.serviceLimit) {
      throw new QuotaExceededError({
        message: 'Too many running tasks',
        reason: 'concurrency',
        retryAfterMs: this.options.serviceFullRetryAfterMs,
        backend: this.backend,
      });
    }
    const plan =
      typeof this.options.plan === 'function' ? this.options.plan(this.created, request) : this.options.plan;
    const job = this.addJob(plan ?? {}, false);
    job.prompt = request.prompt;
    const size = request.size === undefined ? undefined : parseSize(request.size);
    job.shape = { width: size?.width ?? 1280, height: size?.height ?? 720, seconds: request.seconds ?? 4 };
    this.maxUnfinished = Math.max(this.maxUnfinished, this.unfinished());
    const lost = this.lostAnswers.shift();
    if (lost !== undefined) throw lost;
    return { job: this.render(job) };
  }

  async get(id: string, _options?: ProviderCallOptions): Promise<ProviderJobResult> {
    this.gets.push({ id, at: this.options.clock.now() });
    this.enter('get');
    const job = this.find(id);
    job.reads++;
    const rendered = this.render(job);
    const hint =
      this.options.pollAfterMs !== undefined && !this.isTerminal(rendered.status)
        ? { pollAfterMs: this.options.pollAfterMs }
        : undefined;
    return hint ? { job: rendered, hint } : { job: rendered };
  }

  async list(options: ProviderListOptions = {}): Promise<VideoJobPage> {
    this.enter('list');
    const all = [...this.jobs.values()].filter((job) => !job.deleted).reverse();
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = options.limit ?? 2;
    const jobs = all.slice(start, start + limit).map((job) => this.render(job));
    return start + limit < all.length ? { jobs, nextCursor: String(start + limit) } : { jobs };
  }

  async delete(id: string, _options?: ProviderCallOptions): Promise<void> {
    this.enter('delete');
    this.find(id).deleted = true;
  }

  async remix(
    id: string,
    request: RemixVideoRequest,
    options?: ProviderCallOptions,
  ): Promise<ProviderJobResult> {
    this.enter('remix');
    this.find(id);
    return this.create({ prompt: request.prompt }, options);
  }

  async cancel(id: string, _options?: ProviderCallOptions): Promise<void> {
    this.enter('cancel');
    this.find(id).cancelledAt = this.options.clock.now();
  }

  async download(id: string, options?: ProviderDownloadOptions) {
    this.enter('download');
    this.downloadOptions.push({ ...options, signal: undefined });
    this.find(id);
    const content = this.options.content ?? new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const chunkSize = this.options.chunkSize ?? 4;
    const failAfter = this.options.failDownloadAfterBytes;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (failAfter !== undefined && offset >= failAfter) {
          controller.error(new Error('connection reset mid-stream'));
          return;
        }
        if (offset >= content.length) {
          controller.close();
          return;
        }
        controller.enqueue(content.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
    });
    return { stream, contentType: 'video/mp4', contentLength: content.length };
  }

  private enter(method: Method): void {
    this.calls[method]++;
    const queued = this.failures.get(method);
    if (queued && queued.length > 0) throw queued.shift();
  }

  private addJob(plan: FakeJobPlan, external: boolean): FakeJob {
    const index = this.created++;
    const job: FakeJob = {
      id: `video_${String(index).padStart(4, '0')}`,
      createdAt: this.options.clock.now(),
      plan: {
        queuedMs: plan.queuedMs ?? 1000,
        runningMs: plan.runningMs ?? 10_000,
        outcome: plan.outcome ?? 'completed',
        progress: plan.progress,
      },
      reads: 0,
      external,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  private find(id: string): FakeJob {
    const job = this.jobs.get(id);
    if (!job || job.deleted) {
      throw new NotFoundError({ message: `Video ${id} not found`, backend: this.backend });
    }
    return job;
  }

  private isTerminal(status: VideoStatus): boolean {
    return status === 'completed' || status === 'failed' || status === 'cancelled';
  }

  private statusOf(job: FakeJob): VideoStatus {
    if (job.cancelledAt !== undefined) return 'cancelled';
    const elapsed = this.options.clock.now() - job.createdAt;
    if (elapsed < job.plan.queuedMs) return 'queued';
    if (elapsed < job.plan.queuedMs + job.plan.runningMs) return 'in_progress';
    const outcome = job.plan.outcome;
    return outcome === 'completed' ? 'completed' : outcome === 'cancelled' ? 'cancelled' : 'failed';
  }

  private render(job: FakeJob): VideoJob {
    const status = this.statusOf(job);
    const elapsed = this.options.clock.now() - job.createdAt;
    const linear = Math.min(
      100,
      Math.max(0, Math.floor((100 * (elapsed - job.plan.queuedMs)) / job.plan.runningMs)),
    );
    const progress =
      status === 'completed'
        ? 100
        : status === 'in_progress'
          ? (job.plan.progress?.(linear, job.reads) ?? linear)
          : 0;
    const outcome = job.plan.outcome;
    return {
      id: job.id,
      backend: this.backend,
      status,
      progress,
      width: job.shape?.width ?? 1280,
      height: job.shape?.height ?? 720,
      seconds: job.shape?.seconds ?? 4,
      variants: 1,
      ...(job.prompt === undefined ? {} : { prompt: job.prompt }),
      createdAt: new Date(job.createdAt),
      outputs:
        status === 'completed' ? [{ id: job.id, width: 1280, height: 720, seconds: 4, hasAudio: true }] : [],
      ...(status === 'failed' && typeof outcome === 'object'
        ? { error: { code: outcome.code, message: outcome.message ?? outcome.code } }
        : {}),
      raw: { id: job.id },
    };
  }
}
