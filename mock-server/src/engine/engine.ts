/**
 * The engine's service API: what the HTTP dialects and the control API call. Every method is
 * synchronous and reads the clock once; state is derived, never advanced by timers.
 * @module
 */

import type { Clock, ClockMode } from '../clock/clock.js';
import type { ClockOffsets } from '../clock/clock-scopes.js';
import type { CharacterRecord, CharacterStore } from '../store/character-store.js';
import type { JobStore } from '../store/job-store.js';
import type { CharacterService } from './character-service.js';
import type { FaultConfig, FaultController } from './faults.js';
import type { IdSource } from './id-source.js';
import type { ExpiryBasis, JobFailure, JobInput, JobKind, JobRecord, JsonValue } from './job-record.js';
import type { JobState } from './job-state.js';
import type { TimingConfig } from './job-timing.js';
import type { GenerationView, JobView } from './job-view.js';
import type { JobPage, ListJobsOptions } from './list-jobs.js';
import type { StoredJobPage, StoredPageOptions } from './listing-index.js';
import type { QuotaPolicy } from './quota-policy.js';
import type { TimingSpec } from './timing-profiles.js';

/** What a dialect asks the engine to create, already validated against the wire rules. */
export interface CreateJobInput {
  /** Credential partition (e.g. `openai:sk-…`, `azure:key`); opaque to the engine. */
  partition: string;
  /** API family. */
  kind: JobKind;
  /** The prompt. */
  prompt: string;
  /** Model id or deployment name, echoed back. */
  model: string;
  /** The base model serving it when `model` is an Azure deployment name (timing); default `model`. */
  baseModel?: string;
  /** Width in pixels (integer > 0). */
  width: number;
  /** Height in pixels (integer > 0). */
  height: number;
  /** Duration in seconds (> 0). */
  seconds: number;
  /** Variants (integer > 0, default 1; must be 1 for Sora 2). */
  variants?: number;
  /** Media inputs. */
  inputs?: readonly JobInput[];
  /** Expiry basis (default `finishedAt`; the Azure Sora 2 dialect passes `createdAt`). */
  expiryBasis?: ExpiryBasis;
  /** Dialect-owned extras stored on the record and never read by the engine. */
  metadata?: { readonly [key: string]: JsonValue };
  /** Ids of characters of the partition to place in the video (Sora 2). */
  characters?: readonly string[];
}

/** A Sora 2 edit: a new video with the source's size and length, changed as `prompt` says. */
export interface EditJobInput {
  /** Credential partition; a source id must belong to it. */
  partition: string;
  /** The new prompt. */
  prompt: string;
  /**
   * A completed video of the partition, or an uploaded MP4 (its size and length, already read
   * by the dialect, and the upload kept as an input) with the model to use.
   */
  source:
    | { readonly id: string }
    | {
        readonly upload: {
          readonly width: number;
          readonly height: number;
          readonly seconds: number;
          readonly input: JobInput;
        };
        readonly model: string;
        /** The base model serving `model` when it is an Azure deployment name (timing); default `model`. */
        readonly baseModel?: string;
        readonly expiryBasis?: ExpiryBasis;
      };
  /** Extras for the new record (default: the source's). */
  metadata?: { readonly [key: string]: JsonValue };
}

/** A Sora 2 extension: the source continued for `seconds`; the new video lasts the stitched total. */
export interface ExtendJobInput {
  /** Credential partition; the source must belong to it. */
  partition: string;
  /**
   * A completed video of the partition, or an uploaded MP4 (its size and length, already read
   * by the dialect, kept as an input) with the model to use.
   */
  source: EditJobInput['source'];
  /** The prompt of the new part. */
  prompt: string;
  /** Length of the new part, seconds (> 0). */
  seconds: number;
  /** Limits of the model (from the capability table): refused beyond, naming `seconds`. */
  limits: { readonly maxExtensions: number; readonly maxTotalSeconds: number };
  /** Extras for the new record (default: the source's). */
  metadata?: { readonly [key: string]: JsonValue };
}

/** A Sora 2 remix: a new video from a completed one, with a new prompt. */
export interface RemixJobInput {
  /** Credential partition; the source must belong to it. */
  partition: string;
  /** Id of the completed source video. */
  sourceId: string;
  /** The new prompt. */
  prompt: string;
  /** Extras for the new record (default: the source's). */
  metadata?: { readonly [key: string]: JsonValue };
}

/** Result of {@link Engine.deleteJob}. */
export type DeleteJobResult =
  /** The job is gone (Sora 2 settled video; Sora 1 settled job). */
  | { readonly outcome: 'deleted'; readonly id: string }
  /** A Sora 1 job that was unfinished is now cancelled (and still listed). */
  | { readonly outcome: 'cancelled'; readonly id: string; readonly job: JobView };

/** A job that reached `succeeded` or `failed` (for webhooks). Cancellations are not reported. */
export interface SettledJobEvent {
  /** The record. */
  readonly job: JobRecord;
  /** How it ended. */
  readonly phase: 'succeeded' | 'failed';
  /** When it settled (ms). */
  readonly at: number;
  /** The failure, when failed. */
  readonly failure: JobFailure | null;
}

/** Settings that can change at runtime (new values apply to jobs created afterwards). */
export interface EngineSettings {
  /** Quota policy. */
  readonly quota: QuotaPolicy;
  /** Phase durations. */
  readonly timing: TimingConfig;
  /** Retention after the expiry basis, in hours (> 0). */
  readonly retentionHours: number;
}

/** Runtime changes accepted by {@link Engine.configure}. */
export interface EngineSettingsChange {
  /** A policy or a spec string such as `rate:2/min`. */
  quota?: QuotaPolicy | string;
  /** A profile name (`realistic`, `fast`) or fields over the current timing. */
  timing?: TimingSpec;
  /** Retention in hours (> 0). */
  retentionHours?: number;
}

/** Everything the engine holds, for `/_emulator/jobs` and the dashboard. */
export interface EngineSnapshot {
  /** The moment of the snapshot. */
  readonly now: number;
  /** The clock's mode. */
  readonly clockMode: ClockMode;
  /** Current settings. */
  readonly settings: EngineSettings;
  /** Current faults. */
  readonly faults: FaultConfig;
  /** Every stored record (tombstones included) with its state, by partition then list order. */
  readonly jobs: readonly { readonly record: JobRecord; readonly state: JobState }[];
  /** Every character, by partition then creation order. */
  readonly characters: readonly CharacterRecord[];
}

/** Options of {@link createEngine}. */
export interface EngineOptions<C extends Clock = Clock> {
  /** Time source (default: a real clock at speed 1). */
  clock?: C;
  /** Id source (default: `createIdSource({ seed })`). */
  ids?: IdSource;
  /** Seed for the default id source (default `'sora-kit'`). */
  seed?: string | number;
  /** Record storage (default: in memory). */
  store?: JobStore;
  /** Clock scopes: how far each partition's clock runs ahead of `clock` (default: none, all read `clock`). */
  offsets?: ClockOffsets;
  /** Character storage (default: in memory). */
  characterStore?: CharacterStore;
  /** Quota policy or spec (default `concurrent:2`). */
  quota?: QuotaPolicy | string;
  /** A profile name or fields over `fast` (default `fast`). */
  timing?: TimingSpec;
  /** Retention in hours (default 24). */
  retentionHours?: number;
  /** Faults active from the start (and restored by `reset()`). */
  faults?: Partial<FaultConfig>;
  /** Called after `deleteJob` deleted a job (e.g. to free its cached media). Expiry calls nothing: it is derived. */
  onDeleted?: (record: JobRecord) => void;
}

/** The dialect-neutral job service. Methods throw the domain errors of `errors.ts`. */
export interface Engine<C extends Clock = Clock> {
  /** The injected clock. */
  readonly clock: C;
  /** The id source (dialects draw request and event ids from it). */
  readonly ids: IdSource;
  /** The store. */
  readonly store: JobStore;
  /** Fault configuration. */
  readonly faults: FaultController;
  /** Current settings. */
  settings(): EngineSettings;
  /** Changes settings; returns the result. @throws InvalidConfigError */
  configure(change: EngineSettingsChange): EngineSettings;
  /** Creates a job. @throws InvalidJobInputError, ModelRetiredError, QuotaExceededError */
  createJob(input: CreateJobInput): JobView;
  /** Remixes a completed Sora 2 video (a Sora 1 id is not found). @throws JobNotFoundError, InvalidStateError, ModelRetiredError, QuotaExceededError */
  remixJob(input: RemixJobInput): JobView;
  /** Edits a completed Sora 2 video or an upload. @throws JobNotFoundError, InvalidStateError, InvalidJobInputError, ModelRetiredError, QuotaExceededError */
  editJob(input: EditJobInput): JobView;
  /**
   * Extends a completed Sora 2 video (lineage: source, stitched parts, extension count).
   * @throws JobNotFoundError, InvalidStateError, InvalidJobInputError (`seconds`: count or total over the limits), ModelRetiredError, QuotaExceededError
   */
  extendJob(input: ExtendJobInput): JobView;
  /** The characters of the emulator (per credential, never expiring). */
  readonly characters: CharacterService;
  /**
   * A present job. `kind` is the asking dialect's family: a job of another family is not found
   * (each dialect sees only its own kind). @throws JobNotFoundError, ModelRetiredError
   */
  getJob(partition: string, id: string, kind?: JobKind): JobView;
  /** A Sora 1 generation of a succeeded job. @throws JobNotFoundError, ModelRetiredError */
  getGeneration(partition: string, generationId: string): { job: JobView; generation: GenerationView };
  /** One page of the partition's present jobs. @throws InvalidCursorError, InvalidConfigError */
  listJobs(partition: string, options?: ListJobsOptions): JobPage;
  /** Cancels an unfinished job (of `kind`, when given); frees its slot. @throws JobNotFoundError, InvalidStateError, ModelRetiredError */
  cancelJob(partition: string, id: string, kind?: JobKind): JobView;
  /**
   * Sora 2: deletes a settled video, refuses an unfinished one (ruling 13, InvalidStateError).
   * Sora 1: cancels an unfinished job, deletes a settled one. A job not of `kind` (when given) is
   * not found.
   * @throws JobNotFoundError, InvalidStateError, ModelRetiredError
   */
  deleteJob(partition: string, id: string, kind?: JobKind): DeleteJobResult;
  /**
   * Jobs of every partition that succeeded or failed in `(fromMs, toMs]` of global time, by time
   * then creation; with `scope` (the partitions of one clock scope), only theirs, with the bounds
   * in that scope's time.
   */
  settledBetween(fromMs: number, toMs: number, scope?: readonly string[]): readonly SettledJobEvent[];
  /** Physically removes records gone for over an hour (and outside the rate window); returns how many. */
  sweep(): number;
  /** Clears jobs, restores initial settings and faults, restarts ids. The clock is not touched. */
  reset(): void;
  /** Everything, for the control API (O(stored jobs): prefer {@link Engine.storedJobs} for large stores). */
  snapshot(): EngineSnapshot;
  /** One page of stored records (tombstones included) with their state now; O(log n + page). */
  storedJobs(options: StoredPageOptions): StoredJobPage;
  /** Number of stored records (tombstones included); O(1). */
  jobCount(): number;
}
