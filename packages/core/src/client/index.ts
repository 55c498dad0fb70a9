export { DEFAULT_RETRY_OPTIONS, type ResolvedRetryOptions, type RetryOptions } from './backoff.js';
export type { RetryNotice } from './call-with-retry.js';
export { type Clock, type Delay, systemClock, systemDelay } from './clock.js';
export type {
  ConcurrencyGate,
  GateAcquireOptions,
  GateClientHooks,
  GateEvent,
  GateSlot,
} from './concurrency-gate.js';
export { type GateWaiter, GateWaiters } from './gate-waiters.js';
export { HeldJobProber, type HeldJobProberOptions, type ProbeSource } from './held-job-prober.js';
export { type ConcurrencyGateOptions, InProcessConcurrencyGate } from './in-process-concurrency-gate.js';
export {
  HANDLE_PREFIX,
  isHandle,
  type JobHandle,
  type JobHandleSource,
  parseHandle,
  toHandle,
} from './job-handle.js';
export type { JobRef } from './job-ref.js';
export { DEFAULT_POLL_OPTIONS, type PollOptions, type ResolvedPollOptions } from './poll-options.js';
export type { ProgressEvent } from './progress-tracker.js';
export { createClient, VideoClient } from './video-client.js';
export type {
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
