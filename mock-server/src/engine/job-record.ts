/**
 * The dialect-neutral job record: everything the emulator knows about one job. Records are
 * immutable; status is never stored, it is derived from the record and the clock
 * ({@link deriveJobState}). Media outputs are rendered on demand from the record.
 * @module
 */

/**
 * Which API family the job belongs to. It decides the id format, the phase sequence
 * (Sora 1 adds `preprocessing` and `processing`), generations, and DELETE semantics.
 */
export type JobKind = 'sora1' | 'sora2';

/**
 * What the retention period counts from (ruling 12): `createdAt` (Azure Sora 2) or
 * `finishedAt`, the moment the job settled (OpenAI `completed_at`, Azure Sora 1 `finished_at`).
 */
export type ExpiryBasis = 'createdAt' | 'finishedAt';

/** Why a job failed, in neutral form; each dialect renders it (Sora 1 `failure_reason` = `code`). */
export interface JobFailure {
  /** Machine code, e.g. `internal_error`, `input_moderation`, `moderation_blocked`. */
  readonly code: string;
  /** Human-readable message. */
  readonly message: string;
  /**
   * The type of the error that failed the job (OpenAI `Video.error.type`, e.g. `server_error`);
   * absent where none was recorded. Sora 1 has no such field.
   */
  readonly type?: string | null;
  /** The request parameter the error concerns (OpenAI `Video.error.param`), or null. */
  readonly param?: string | null;
  /** Headers of the original error: retry hints (`retry-after`, `retry-after-ms`) and the like. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** How a job ends if nobody cancels it. */
export type JobOutcome =
  | { readonly type: 'succeed' }
  | {
      readonly type: 'fail';
      /** Progress (0..100) at which the job fails; 0 fails as the running phase starts. */
      readonly atProgress: number;
      /** The failure reported once failed. */
      readonly failure: JobFailure;
    };

/** The planned timeline, fixed at creation: phase durations in ms and the outcome. */
export interface JobPlan {
  /** Time spent `queued` after creation. */
  readonly queuedMs: number;
  /** Time spent `preprocessing` (0 for Sora 2: the phase is skipped). */
  readonly preprocessingMs: number;
  /** Time spent `running`, progress 0..100 over it (>= 1). */
  readonly runningMs: number;
  /** Time spent `processing` after running (0 for Sora 2). */
  readonly processingMs: number;
  /** Success, or failure at a given progress. */
  readonly outcome: JobOutcome;
}

/** Crop fractions of a media input (0..1). */
export interface JobInputCrop {
  /** Left edge fraction. */
  readonly left: number;
  /** Top edge fraction. */
  readonly top: number;
  /** Right edge fraction. */
  readonly right: number;
  /** Bottom edge fraction. */
  readonly bottom: number;
}

/** A media input of a job (Sora 2 `input_reference`, Sora 1 `files` + `inpaint_items`). */
export interface JobInput {
  /** Image or video. */
  readonly kind: 'image' | 'video';
  /** MIME type as received, when known. */
  readonly mediaType?: string;
  /** File name as received (Sora 1 `file_name`), when known. */
  readonly fileName?: string;
  /** Output frame where the input is placed (Sora 1), default 0. */
  readonly frameIndex?: number;
  /** Part of the input to use (Sora 1). */
  readonly crop?: JobInputCrop;
  /** The bytes, when uploaded (kept so outputs can be rendered from them). */
  readonly bytes?: Uint8Array;
  /** A referenced URL (Sora 2 `image_url`), when given instead of bytes. */
  readonly url?: string;
  /** A referenced file id (Sora 2 `file_id`), when given instead of bytes. */
  readonly fileId?: string;
}

/** A JSON value; used for dialect-owned metadata kept on a record. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** One part of a stitched video (an extension chain): what it shows and for how long. */
export interface JobSegment {
  /** Length of the part, seconds. */
  readonly seconds: number;
  /** The prompt the part was made with (shown in its frames). */
  readonly prompt: string;
  /** Scene seed of the part: the id of the job that made it; absent for the record's own part. */
  readonly seed?: string;
}

/** A character placed in a video. */
export interface JobCharacter {
  /** `char_…` id. */
  readonly id: string;
  /** Its name (shown on its panel). */
  readonly name: string;
}

/** Where a Sora 2 job comes from, when it derives from another video. */
export interface JobLineage {
  /** Id of the video this one remixes. */
  readonly remixedFromId?: string;
  /** Id of the video this one edits (absent when the edit source was an upload). */
  readonly editedFromId?: string;
  /** Id of the video this one extends. */
  readonly extendedFromId?: string;
  /** How many extensions the chain ending in this video has (set on extensions only). */
  readonly extensionCount?: number;
  /** The parts of a stitched video, in order (set on extensions only; they add up to `seconds`). */
  readonly segments?: readonly JobSegment[];
}

/** One job. All times are ms since the Unix epoch on the emulated clock. */
export interface JobRecord {
  /** `video_…` (Sora 2) or `task_…` (Sora 1). */
  readonly id: string;
  /** API family. */
  readonly kind: JobKind;
  /** Credential partition (opaque; chosen by the HTTP layer). Jobs never cross partitions. */
  readonly partition: string;
  /** Creation order within the engine; breaks ties between jobs created in the same ms. */
  readonly sequence: number;
  /** Creation time. */
  readonly createdAt: number;
  /** The prompt. */
  readonly prompt: string;
  /** Model id or deployment name, echoed as received. */
  readonly model: string;
  /** The base model serving it, when `model` is an Azure deployment name that differs from it. */
  readonly baseModel?: string;
  /** Output width in pixels. */
  readonly width: number;
  /** Output height in pixels. */
  readonly height: number;
  /** Output duration in seconds. */
  readonly seconds: number;
  /** Number of outputs (Sora 1 `n_variants`; always 1 for Sora 2). */
  readonly variants: number;
  /** Media inputs, in request order. */
  readonly inputs: readonly JobInput[];
  /** Sora 1 generation ids (`gen_…`), one per variant; empty for Sora 2. */
  readonly generationIds: readonly string[];
  /** Id of the video this one remixes (Sora 2), if any. */
  readonly remixedFromId?: string;
  /** Id of the video this one edits (Sora 2), if any. */
  readonly editedFromId?: string;
  /** Id of the video this one extends (Sora 2), if any. */
  readonly extendedFromId?: string;
  /** Extensions in the chain ending in this video (Sora 2 extensions only). */
  readonly extensionCount?: number;
  /** The parts of a stitched video (Sora 2 extensions only); they add up to `seconds`. */
  readonly segments?: readonly JobSegment[];
  /** Characters placed in the video (Sora 2), in request order. */
  readonly characters?: readonly JobCharacter[];
  /** Timeline and outcome. */
  readonly plan: JobPlan;
  /** What expiry counts from. */
  readonly expiryBasis: ExpiryBasis;
  /** How long the job lives after its basis, in ms. */
  readonly retentionMs: number;
  /** Set when the job was cancelled before it settled. */
  readonly cancelledAt?: number;
  /** Set when the job was deleted (it then answers 404). */
  readonly deletedAt?: number;
  /** Dialect-owned extras echoed back on the wire (e.g. the raw `size` string). Never read by the engine. */
  readonly metadata?: { readonly [key: string]: JsonValue };
}
