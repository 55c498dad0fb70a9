import {
  type CallOptions,
  type CreateOptions,
  type CreateVideoRequest,
  type DownloadOptions,
  type DownloadToFileResult,
  type GenerateOptions,
  isHandle,
  type JobRef,
  type ListOptions,
  lintPrompt,
  ModelRetiredError,
  parseHandle,
  QuotaExceededError,
  type RemixVideoRequest,
  ServiceRetiredError,
  UnsupportedCapabilityError,
  ValidationError,
  VideoApiError,
  type VideoClient,
  type VideoDownload,
  type VideoJob,
  type WaitOptions,
} from '@sora-kit/core';
import { type Started, startOnFreeClient } from './start-on-free-client.js';

const OWNER_MEMORY = 10_000;

/** Capabilities a routed request may require beyond what the request itself says. */
export type RoutedCapability = 'audio' | 'remix' | 'cancel' | 'webhooks';

/** Options of {@link VideoRouter.create}. */
export interface RouterCreateOptions extends CreateOptions {
  /**
   * Only clients whose capabilities have these go into the race, e.g. `['audio']` or `['remix']`
   * (to remix the result later) picks a Sora 2 backend.
   */
  require?: readonly RoutedCapability[];
}

/** Options of {@link VideoRouter.generate}. */
export interface RouterGenerateOptions extends GenerateOptions {
  /** As {@link RouterCreateOptions.require}. */
  require?: readonly RoutedCapability[];
}

class RouteFailure {
  constructor(
    readonly client: VideoClient,
    readonly error: unknown,
  ) {}
}

/**
 * One client over several backends. A create goes to the first client (in the order given) whose
 * capabilities accept the request and that has a free slot; when every such client is busy it
 * waits, first come first served, for the first slot to free up; when the chosen backend is full,
 * over quota, retired or failing (see {@link isFallbackError}) it falls back to the next accepting
 * client. Any `VideoProvider` can be behind a client: the Sora backends, or an AI SDK model
 * wrapped by `fromAiSdkVideoModel` of `@sora-kit/ai-sdk`. Jobs keep their backend, and their handles name it (and the
 * client's scope), so later calls always reach the client that owns the job.
 */
export class VideoRouter {
  /** The clients, in order of preference. */
  readonly clients: readonly VideoClient[];
  private readonly owners = new Map<string, VideoClient>();
  private readonly retiredClients = new Set<VideoClient>();
  private lastRetirement: ServiceRetiredError | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(clients: readonly VideoClient[]) {
    if (clients.length === 0) throw routerError('clients', 0, 'a router needs at least one client');
    const seen = new Set<string>();
    for (const client of clients) {
      const key = `${client.backend}\u0000${client.scope ?? ''}`;
      if (seen.has(key)) {
        throw routerError(
          'scope',
          client.scope,
          `two clients serve ${client.backend} with the same scope; give each a distinct \`scope\` so handles name their client`,
        );
      }
      seen.add(key);
    }
    this.clients = [...clients];
  }

  /** The backends of the clients whose service answered as retired; creates skip them. */
  retired(): string[] {
    return this.clients.filter((client) => this.retiredClients.has(client)).map((client) => client.backend);
  }

  /**
   * The clients whose capabilities accept `request` (and have every `require`d capability) and
   * whose service is not known to be retired, in order.
   */
  candidates(request: CreateVideoRequest, require: readonly RoutedCapability[] = []): VideoClient[] {
    return this.clients.filter(
      (client) =>
        !this.retiredClients.has(client) &&
        require.every(
          (capability) => client.capabilitiesFor(request.model ?? client.provider.model)[capability],
        ) &&
        client.accepts(request),
    );
  }

  /** Whether any client accepts `request`. */
  accepts(request: CreateVideoRequest, require?: readonly RoutedCapability[]): boolean {
    return this.candidates(request, require).length > 0;
  }

  /**
   * Starts a job on the first accepting client with a free slot (waiting when all are busy), falling
   * back to the next accepting client on a quota, retired or failing backend ({@link isFallbackError}).
   * @throws {ValidationError | UnsupportedCapabilityError} from the first client when no client accepts the request.
   */
  async create(request: CreateVideoRequest, options: RouterCreateOptions = {}): Promise<VideoJob> {
    const { require = [], ...createOptions } = options;
    const candidates = this.candidates(request, require);
    if (candidates.length === 0) throw this.lastRetirement ?? this.refusal(request, require);
    const tried = new Set<VideoClient>();
    let lastError: unknown;
    for (;;) {
      const remaining = candidates.filter((client) => !tried.has(client));
      if (remaining.length === 0) throw lastError;
      const { started } = await this.inTurn(() =>
        startOnFreeClient(remaining, options.signal, (client) =>
          client.create(request, createOptions).then(
            (job) => ({ client, job }),
            (error: unknown) => {
              throw new RouteFailure(client, error);
            },
          ),
        ),
      );
      try {
        const { client, job } = await started;
        this.remember(job, client);
        return job;
      } catch (failure) {
        if (!(failure instanceof RouteFailure)) throw failure;
        if (!isFallbackError(failure.error)) throw failure.error;
        if (ServiceRetiredError.isInstance(failure.error) && !ModelRetiredError.isInstance(failure.error)) {
          // The whole service is gone: skip this client from now on.
          this.retiredClients.add(failure.client);
          this.lastRetirement = failure.error;
        }
        tried.add(failure.client);
        lastError = failure.error;
      }
    }
  }

  /**
   * `create` on the chosen client, then `wait` on it. Unlike `VideoClient.generate`, `timeoutMs`
   * bounds the wait only; use `signal` to bound the time spent waiting for a slot. With
   * `onWarning`, the prompt's advice (`lintPrompt`) is reported first.
   */
  async generate(request: CreateVideoRequest, options: RouterGenerateOptions = {}): Promise<VideoJob> {
    const { onQueuePosition, require, onWarning, lint, ...waitOptions } = options;
    if (onWarning) for (const warning of lintPrompt(request.prompt, lint)) onWarning(warning);
    const job = await this.create(request, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(onQueuePosition ? { onQueuePosition } : {}),
      ...(require ? { require } : {}),
    });
    return this.wait(job, waitOptions);
  }

  /** Waits for a job on the client that owns it. */
  wait(ref: JobRef, options?: WaitOptions): Promise<VideoJob> {
    return this.clientFor(ref).wait(ref, options);
  }

  /** Reads a job from the client that owns it. */
  get(ref: JobRef, options?: CallOptions): Promise<VideoJob> {
    return this.clientFor(ref).get(ref, options);
  }

  /** Deletes a job on the client that owns it. */
  delete(ref: JobRef, options?: CallOptions): Promise<void> {
    return this.clientFor(ref).delete(ref, options);
  }

  /** Cancels a job on the client that owns it (Sora 1). */
  cancel(ref: JobRef, options?: CallOptions): Promise<void> {
    return this.clientFor(ref).cancel(ref, options);
  }

  /** Streams an output of a job from the client that owns it. */
  download(ref: JobRef, options?: DownloadOptions): Promise<VideoDownload> {
    return this.clientFor(ref).download(ref, options);
  }

  /** Streams an output of a job to a file (Node), from the client that owns it. */
  downloadToFile(ref: JobRef, path: string, options?: DownloadOptions): Promise<DownloadToFileResult> {
    return this.clientFor(ref).downloadToFile(ref, path, options);
  }

  /** Remixes a job on the client that owns it (Sora 2; Sora 1 refuses before sending anything). */
  async remix(ref: JobRef, request: RemixVideoRequest, options?: CreateOptions): Promise<VideoJob> {
    const client = this.clientFor(ref);
    const job = await client.remix(ref, request, options);
    this.remember(job, client);
    return job;
  }

  /** Every job of every client, client by client. */
  async *list(options: ListOptions = {}): AsyncGenerator<VideoJob, void, undefined> {
    for (const client of this.clients) yield* client.list(options);
  }

  /** A handle naming the job's backend and its client's scope. */
  toHandle(job: VideoJob): string {
    return this.clientFor(job).toHandle(job);
  }

  /**
   * The client that owns a job: by handle (backend and scope), by the job object's backend, or by
   * what this router created. A bare id is accepted only when the router has one client or created it.
   * @throws {ValidationError} (field `handle`) when no client, or more than one, could own it.
   */
  clientFor(ref: JobRef): VideoClient {
    if (typeof ref === 'string' && !isHandle(ref)) {
      const owner = this.owners.get(ref) ?? (this.clients.length === 1 ? this.clients[0] : undefined);
      if (owner) return owner;
      throw routerError('handle', ref, 'a bare job id is ambiguous in a router; pass the job or its handle');
    }
    const named = typeof ref === 'string' ? parseHandle(ref) : ref;
    const known = this.owners.get(named.id);
    if (
      known &&
      known.backend === named.backend &&
      (named.scope === undefined || known.scope === named.scope)
    ) {
      return known;
    }
    const matches = this.clients.filter(
      (client) =>
        client.backend === named.backend &&
        (named.scope === undefined || client.scope === undefined || client.scope === named.scope),
    );
    const exact = matches.filter((client) => client.scope === named.scope);
    const chosen = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : undefined;
    if (chosen) return chosen;
    throw routerError(
      'handle',
      typeof ref === 'string' ? ref : ref.id,
      matches.length === 0
        ? `no client of this router serves ${named.backend}${named.scope ? ` (scope "${named.scope}")` : ''}`
        : `several clients serve ${named.backend}; use a handle that names the scope`,
    );
  }

  /** Why no client takes a request: the first client's validation error, or the missing capability. */
  private refusal(request: CreateVideoRequest, require: readonly RoutedCapability[]): unknown {
    const accepting = this.clients.filter((client) => client.accepts(request));
    if (accepting.length === 0) {
      try {
        this.clients[0]!.validate(request);
      } catch (error) {
        return error;
      }
    }
    const client = accepting[0] ?? this.clients[0]!;
    const missing = require.find((capability) => !client.capabilities[capability]) ?? require[0] ?? 'remix';
    return new UnsupportedCapabilityError({
      backend: client.backend,
      capability: missing,
      message: `no client of this router accepts the request with ${require.join(', ')}`,
    });
  }

  private remember(job: VideoJob, client: VideoClient): void {
    this.owners.delete(job.id);
    this.owners.set(job.id, client);
    if (this.owners.size > OWNER_MEMORY) this.owners.delete(this.owners.keys().next().value!);
  }

  /** Runs `wait` after the previous router request has been started: FIFO across router requests. */
  private inTurn<T>(wait: () => Promise<Started<T>>): Promise<Started<T>> {
    const result = this.turn.then(wait);
    this.turn = result.catch(() => undefined);
    return result;
  }
}

/**
 * Errors after which the next accepting client is tried: the service is full or over quota, the
 * model or service is retired, or the backend keeps failing (5xx or no answer, after the client's
 * own retries). Validation and other 4xx errors are the request's fault and are thrown.
 */
export function isFallbackError(error: unknown): boolean {
  // ServiceRetiredError covers ModelRetiredError (a retired model is a kind of retired service).
  if (QuotaExceededError.isInstance(error) || ServiceRetiredError.isInstance(error)) return true;
  return VideoApiError.isInstance(error) && (error.status >= 500 || error.status === 0);
}

function routerError(field: string, value: unknown, message: string): ValidationError {
  return new ValidationError({ issues: [{ field, value, message: `${field}: ${message}` }] });
}

/**
 * A router over several clients (see {@link VideoRouter}).
 * @example
 * const router = createVideoRouter([
 *   createVideoClient({ backend: 'azure-sora1', endpoint, deployment: 'sora', apiKey }),
 *   createVideoClient({ backend: 'openai-sora2', apiKey: process.env.OPENAI_API_KEY! }),
 * ]);
 * const job = await router.generate({ prompt: 'a red balloon', size: '1920x1080', seconds: 10 }); // Sora 1
 * const handle = router.toHandle(job);
 */
export function createVideoRouter(clients: readonly VideoClient[]): VideoRouter {
  return new VideoRouter(clients);
}
