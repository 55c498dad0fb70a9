/**
 * The machine-readable description of what one backend and model accept.
 * @module
 */
import type { BackendId, SoraBackendId, VideoSize } from '../types.js';

/** A size written `WIDTHxHEIGHT`, e.g. `1280x720`. */
export type SizeString = Extract<VideoSize, string>;

/** Allowed durations: a list of values (Sora 2) or an inclusive integer range (Sora 1). */
export type AllowedSeconds = readonly number[] | SecondsRange;

/** An inclusive range of whole seconds. */
export interface SecondsRange {
  /** Shortest duration, seconds. */
  min: number;
  /** Longest duration, seconds. */
  max: number;
}

/** How many variants (outputs) one job may produce. */
export interface VariantRules {
  /** Variants when the request does not say. */
  default: number;
  /** Upper bound for sizes not listed in `maxBySize`. */
  max: number;
  /** Upper bound per size (Sora 1: 1080p 1, 720p 2, others 4). */
  maxBySize: Readonly<Partial<Record<SizeString, number>>>;
}

/** What media inputs a create request may carry. */
export interface InputRules {
  /** Most images per request; 0 = image input unsupported. */
  maxImages: number;
  /** Most videos per request; 0 = video input unsupported. */
  maxVideos: number;
  /** Whether images and videos may be combined in one request (Sora 1: images OR a video). */
  mixImagesAndVideos: boolean;
  /** Longest input video, seconds, when there is a limit. */
  videoMaxSeconds: number | undefined;
  /** Accepted image MIME types (`image/jpg` is read as `image/jpeg`). */
  imageMediaTypes: readonly string[];
  /** Accepted video MIME types. */
  videoMediaTypes: readonly string[];
  /** Whether an input image must have exactly the output size (Sora 2; checked by the service). */
  imageMustMatchSize: boolean;
  /** Whether `frameIndex` may place an input later than frame 0 (Sora 1). */
  frameIndex: boolean;
  /** Whether `crop` is supported (Sora 1). */
  crop: boolean;
  /** Output frames per second, used to bound `frameIndex` (frames = seconds x fps). */
  framesPerSecond: number;
}

/** Limits of extensions (Sora 2 `POST /videos/extensions`). */
export interface ExtensionRules {
  /** Accepted lengths of one extension, seconds. */
  seconds: readonly number[];
  /** How many times one video (chain) may be extended. */
  maxExtensions: number;
  /** Longest stitched total (source + extensions), seconds. */
  maxTotalSeconds: number;
}

/** Limits of characters (Sora 2 `POST /videos/characters`, `characters` on create). */
export interface CharacterRules {
  /** Most characters one create may place. */
  maxPerVideo: number;
  /** Length of a character's name in characters (Unicode code points). */
  nameLength: { min: number; max: number };
  /** Accepted clip MIME types. */
  clipMediaTypes: readonly string[];
}

/** Which timestamp a job's `expires_at` counts from (ruling 12). */
export type ExpiryBasis = 'created_at' | 'completed_at' | 'finished_at';

/** Everything sora-kit knows about one backend and model. Every limit is checked before sending. */
export interface Capabilities {
  /** The backend. */
  backend: BackendId;
  /** The base model id (`sora`, `sora-2`, `sora-2-pro`); on Azure, what the deployment runs. */
  model: string;
  /** Accepted output sizes. */
  sizes: readonly SizeString[];
  /** Size used when the request gives none. */
  defaultSize: SizeString;
  /** Accepted durations. */
  seconds: AllowedSeconds;
  /** Duration used when the request gives none. */
  defaultSeconds: number;
  /** Tighter duration limits for some sizes (none by default; e.g. `{ '1920x1080': 10 }`). */
  maxSecondsBySize: Readonly<Partial<Record<SizeString, number>>>;
  /** Variant limits. */
  variants: VariantRules;
  /** Prompt length in characters (Unicode code points); `maxLength` undefined = not documented. */
  prompt: { minLength: number; maxLength: number | undefined };
  /** Media input limits. */
  inputs: InputRules;
  /** Whether outputs have an audio track. */
  audio: boolean;
  /** Whether a finished job can be remixed with a new prompt. */
  remix: boolean;
  /** Whether a completed video can be edited with a new prompt (`POST /videos/edits`). */
  edit: boolean;
  /** Whether a completed video can be extended (`POST /videos/extensions`). */
  extend: boolean;
  /** Extension limits (checked only when `extend`). */
  extension: ExtensionRules;
  /** Whether characters can be created, read and placed in a video. */
  characters: boolean;
  /** Character limits (checked only when `characters`). */
  character: CharacterRules;
  /** Whether an unfinished job can be cancelled. */
  cancel: boolean;
  /** Whether the service can call a webhook when a job finishes. */
  webhooks: boolean;
  /** Jobs that may run at once per credential; the concurrency gate's default. */
  maxConcurrentJobs: number;
  /** Create requests per minute, when the service documents a limit. */
  createRequestsPerMinute: number | undefined;
  /** How long outputs stay downloadable. */
  retentionHours: number;
  /** What `expires_at` counts from. */
  expiryBasis: ExpiryBasis;
  /** Where the values come from and what is inferred. */
  notes: readonly string[];
  /**
   * The source of each limit, by capability field (`sizes`, `seconds`, `extension`...): a key of
   * docs/reference/contracts.md section 0 (OAS, NODE, GUIDE, AZCON-B...) or a ruling number.
   */
  sources: Readonly<Partial<Record<CapabilityField, string>>>;
}

/** A field of {@link Capabilities} that holds a limit or a feature flag. */
export type CapabilityField = Exclude<keyof Capabilities, 'backend' | 'model' | 'notes' | 'sources'>;

/** The models of one backend. */
export interface BackendCapabilities {
  /** Model used when a request names none (or names an unknown Azure deployment). */
  defaultModel: string;
  /** Capabilities per base model id. */
  models: Readonly<Record<string, Capabilities>>;
  /** Other names of a base model, e.g. dated snapshots (`sora-2-2025-10-06` -> `sora-2`). */
  aliases: Readonly<Record<string, string>>;
}

/** Capabilities of the three built-in Sora backends. */
export type CapabilityTable = Readonly<Record<SoraBackendId, BackendCapabilities>>;

/**
 * Capabilities of any set of backends, keyed by backend id: what `resolveCapabilities` reads. The
 * built-in {@link CapabilityTable} is one; a provider of another backend brings its own entry.
 */
export type AnyCapabilityTable = Readonly<Partial<Record<BackendId, BackendCapabilities>>>;

/** A partial object whose nested plain objects are partial too; arrays are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Caller changes to a model's capabilities, merged over the defaults. */
export type CapabilityOverrides = DeepPartial<Omit<Capabilities, 'backend' | 'model'>>;
