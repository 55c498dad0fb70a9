/**
 * Options and events of `VideoClient`.
 * @module
 */
import type { CapabilityOverrides } from '../capabilities/index.js';
import type { LintPromptOptions, PromptWarning } from '../prompt/index.js';
import type { DownloadVariant, VideoOutput, VideoStatus } from '../types.js';
import type { RetryOptions } from './backoff.js';
import type { RetryNotice } from './call-with-retry.js';
import type { Clock, Delay } from './clock.js';
import type { ConcurrencyGate, GateEvent } from './concurrency-gate.js';
import type { PollOptions } from './poll-options.js';
import type { ProgressEvent } from './progress-tracker.js';

/** Options of `createClient` / `new VideoClient`. */
export interface VideoClientOptions {
  /** Changes merged over the backend's capability table entry (e.g. wider `seconds`). */
  capabilities?: CapabilityOverrides;
  /** Azure: the base model a deployment runs (`sora-2` or `sora-2-pro`) when its name does not say. */
  deploymentModel?: string;
  /**
   * Most unfinished jobs created through this client (default: the capabilities' `maxConcurrentJobs`).
   * Ignored when `gate` is given (the gate has its own limit).
   */
  maxConcurrentJobs?: number;
  /**
   * The concurrency gate creates go through (default: a new in-process gate of `maxConcurrentJobs`
   * slots). Pass a shared one, e.g. `createRedisConcurrencyGate` from `@sora-kit/redis-gate`, when
   * several processes use the same credential.
   */
  gate?: ConcurrencyGate;
  /**
   * How often a create the service refused as full ("too many running tasks") is queued again before
   * its `QuotaExceededError` is thrown (default 50). These refusals are not counted as retries.
   */
  maxServiceFullRetries?: number;
  /** Retries of failed calls. */
  retry?: RetryOptions;
  /** Polling of `wait()` and of the gate's self-polling. */
  poll?: PollOptions;
  /**
   * Names this client's account or resource in handles it makes; a client with another scope refuses
   * them. Use it when several clients serve the same backend (e.g. two Azure resources).
   */
  scope?: string;
  /** Time source (default `Date.now`). */
  clock?: Clock;
  /** Waits (default `setTimeout`). Tests pass a test clock's `delay`. */
  delay?: Delay;
  /** Random numbers in [0, 1) for jitter and temp file names (default `Math.random`). */
  random?: () => number;
  /** Receives what the client does: retries, polls, queueing, slots. */
  onEvent?: (event: VideoClientEvent) => void;
}

/** Something a client did, for logs, metrics and tests. */
export type VideoClientEvent =
  | GateEvent
  | ({ type: 'retry' } & RetryNotice)
  | { type: 'service-full'; retryAfterMs: number | undefined; refusals: number }
  | { type: 'poll'; jobId: string; status: VideoStatus; progress: number | undefined; nextDelayMs: number }
  | { type: 'job-finished'; jobId: string; status: VideoStatus }
  /** A create's answer was lost; the recent jobs were listed to find out what it did. */
  | {
      type: 'reconcile';
      operation: string;
      outcome: 'adopted' | 'none' | 'ambiguous' | 'unreadable';
      jobId?: string;
      candidateIds?: string[];
    };

/** Options of a call that can be stopped. */
export interface CallOptions {
  /** Stops the call; it then rejects with `AbortedError`. The remote job is not cancelled. */
  signal?: AbortSignal;
}

/** Options of `create` and `remix`. */
export interface CreateOptions extends CallOptions {
  /** Called with the 1-based queue position while the create waits for a free slot, then 0. */
  onQueuePosition?: (position: number) => void;
  /** Limit on queueing plus creating, in ms; then `TimeoutError`. Default none. */
  timeoutMs?: number;
}

/** Options of `wait`. */
export interface WaitOptions extends CallOptions {
  /** Overall limit in ms (default `poll.timeoutMs`, 30 min); then `TimeoutError` (the job goes on). */
  timeoutMs?: number;
  /** Called when the status changes or the progress grows; progress never goes down. */
  onProgress?: (event: ProgressEvent) => void;
  /** Fixed wait between polls, overriding the service's hint and the adaptive interval. */
  pollIntervalMs?: number;
}

/** Options of `generate`: those of `create` and `wait`; `timeoutMs` covers both. */
export interface GenerateOptions extends WaitOptions {
  /** Called with the 1-based queue position while the create waits for a free slot, then 0. */
  onQueuePosition?: (position: number) => void;
  /**
   * Receives the prompt advice of `lintPrompt` (missing elements, several scenes, non-Latin script,
   * over-long) before the job is created. Off unless given; advice never stops the request.
   */
  onWarning?: (warning: PromptWarning) => void;
  /** Limits of the prompt advice (see `lintPrompt`). */
  lint?: LintPromptOptions;
}

/** Options of `download`. */
export interface DownloadOptions extends CallOptions {
  /** What to fetch (default `video`). */
  variant?: DownloadVariant;
  /**
   * Which output of the job to fetch: one of `job.outputs` or its id (Sora 1: a generation; default
   * the first). The name the API promises; `outputId` is the same thing as a plain id.
   */
  output?: VideoOutput | string;
  /** Sora 1: the id of the output (generation) to fetch; same as `output` given as an id. */
  outputId?: string;
  /** Sora 1: `high` (default) or `low`. */
  quality?: 'high' | 'low';
}

/** Options of `list` and `listPage`. */
export interface ListOptions extends CallOptions {
  /** Page size. */
  limit?: number;
  /** `listPage` only: the `nextCursor` of the previous page. */
  cursor?: string;
}

/** What `downloadToFile` wrote. */
export interface DownloadToFileResult {
  /** The final path. */
  path: string;
  /** Bytes written. */
  bytes: number;
  contentType: string;
}
