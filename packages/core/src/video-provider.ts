/**
 * What a backend implements. Providers are thin: one method per remote operation, no waiting,
 * no retries, no validation. `VideoClient` adds those on top of any provider.
 * @module
 */
import type { BackendCapabilities } from './capabilities/capabilities.js';
import type {
  BackendId,
  CreateCharacterRequest,
  CreateVideoRequest,
  DownloadVariant,
  EditVideoRequest,
  ExtendVideoRequest,
  MediaInput,
  RemixVideoRequest,
  VideoCharacter,
  VideoDownload,
  VideoJob,
  VideoJobPage,
} from './types.js';

/** Per-call options every provider method accepts. */
export interface ProviderCallOptions {
  /** Aborts the HTTP request. */
  signal?: AbortSignal;
}

/** Options of a create (and a remix). */
export interface ProviderCreateOptions extends ProviderCallOptions {
  /**
   * Sent as the `Idempotency-Key` header: the same key for every attempt of one create, so a
   * service that honours it answers a repeated attempt with the first job. Ignored elsewhere.
   */
  idempotencyKey?: string;
}

/** A hint a provider passes back with a job read, taken from response headers. */
export interface PollHint {
  /** From `openai-poll-after-ms`: how long the service asks clients to wait before the next poll. */
  pollAfterMs?: number;
}

/** A job plus what the response said about polling. */
export interface ProviderJobResult {
  job: VideoJob;
  hint?: PollHint;
}

/** Options of one listing page. */
export interface ProviderListOptions extends ProviderCallOptions {
  /** Cursor returned as `nextCursor` by the previous page. */
  cursor?: string;
  /** Page size. */
  limit?: number;
}

/** Options of a download. */
export interface ProviderDownloadOptions extends ProviderCallOptions {
  /** What to fetch (default `video`). */
  variant?: DownloadVariant;
  /** Sora 1: which output (generation) of the job; default the first. */
  outputId?: string;
  /** Sora 1: `high` (default) or `low`. */
  quality?: 'high' | 'low';
}

/**
 * A backend. Errors are thrown as the core error classes (`VideoApiError`, `QuotaExceededError`,
 * `NotFoundError`, ...), so `VideoClient` can decide what to retry.
 */
export interface VideoProvider {
  /** Which backend this is. */
  readonly backend: BackendId;
  /** The model or deployment requests go to, when fixed by configuration. */
  readonly model?: string;
  /**
   * This backend's capability table. The three Sora backends have theirs built in
   * (`DEFAULT_CAPABILITIES`); a provider of any other backend must bring one, and a Sora provider
   * may bring one to replace the built-in entry.
   */
  readonly capabilities?: BackendCapabilities;
  /** Starts a job. The request has already been validated. */
  create(request: CreateVideoRequest, options?: ProviderCreateOptions): Promise<ProviderJobResult>;
  /** Reads a job. */
  get(id: string, options?: ProviderCallOptions): Promise<ProviderJobResult>;
  /** Reads one page of jobs, newest first unless the backend says otherwise. */
  list(options?: ProviderListOptions): Promise<VideoJobPage>;
  /** Deletes a job and its outputs (Sora 1: also cancels an unfinished job). */
  delete(id: string, options?: ProviderCallOptions): Promise<void>;
  /** Streams one output of a finished job. */
  download(id: string, options?: ProviderDownloadOptions): Promise<VideoDownload>;
  /** Starts a remix of a finished job. Present only when the backend can remix. */
  remix?(id: string, request: RemixVideoRequest, options?: ProviderCreateOptions): Promise<ProviderJobResult>;
  /** Starts an edit of a completed video. Present only when the backend can edit. */
  edit?(id: string, request: EditVideoRequest, options?: ProviderCreateOptions): Promise<ProviderJobResult>;
  /** Starts an extension of a completed video. Present only when the backend can extend. */
  extend?(
    id: string,
    request: ExtendVideoRequest,
    options?: ProviderCreateOptions,
  ): Promise<ProviderJobResult>;
  /** Uploads a clip and makes a character of it. Present only when the backend has characters. */
  createCharacter?(request: CreateCharacterRequest, options?: ProviderCallOptions): Promise<VideoCharacter>;
  /** Reads a character. Present only when the backend has characters. */
  getCharacter?(id: string, options?: ProviderCallOptions): Promise<VideoCharacter>;
  /** Cancels an unfinished job. Present only when the backend can cancel. */
  cancel?(id: string, options?: ProviderCallOptions): Promise<void>;
  /**
   * The fingerprint a job created from `inputs` shows as `VideoJob.inputsFingerprint`, so create
   * reconciliation can tell apart recent jobs that differ only by their inputs. Present only when
   * the backend's job objects show their inputs (Sora 1's `inpaint_items`).
   */
  inputsFingerprint?(inputs: readonly MediaInput[]): Promise<string>;
}
