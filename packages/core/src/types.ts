/**
 * The unified model every backend maps into. Nothing here knows a wire field name.
 * @module
 */

/** The three Sora backends sora-kit has built-in providers and capability tables for. */
export type SoraBackendId = 'azure-sora1' | 'azure-sora2' | 'openai-sora2';

/**
 * Which backend a job or client belongs to: one of the three Sora ids, or any other non-empty
 * string naming a provider that brings its own capability table (e.g. `fal:luma-ray-2`, an AI SDK
 * video model wrapped by `@sora-kit/ai-sdk`). `(string & {})` keeps the Sora ids autocompleting.
 */
export type BackendId = SoraBackendId | (string & {});

/** The built-in Sora backend ids, in a stable order. */
export const BACKEND_IDS: readonly SoraBackendId[] = ['azure-sora1', 'azure-sora2', 'openai-sora2'];

/** Whether `backend` is one of the three built-in Sora backends. */
export function isSoraBackend(backend: string): backend is SoraBackendId {
  return (BACKEND_IDS as readonly string[]).includes(backend);
}

/** A frame size: `'1280x720'` or `{ width: 1280, height: 720 }`. */
export type VideoSize = `${number}x${number}` | { width: number; height: number };

/** Bytes of a media input: a Blob (or File), raw bytes, or a path on disk (Node only). */
export type MediaSource = Blob | Uint8Array | { path: string };

/** Fractions (0..1) of the input to keep; the default is the whole input. */
export interface CropBounds {
  /** Left edge as a fraction of the width, 0..1 (default 0). */
  left: number;
  /** Top edge as a fraction of the height, 0..1 (default 0). */
  top: number;
  /** Right edge as a fraction of the width, 0..1, greater than `left` (default 1). */
  right: number;
  /** Bottom edge as a fraction of the height, 0..1, greater than `top` (default 1). */
  bottom: number;
}

/** An image the generated video starts from (Sora 2) or passes through at `frameIndex` (Sora 1). */
export interface ImageInput {
  kind: 'image';
  /** The image bytes. */
  source: MediaSource;
  /** MIME type, e.g. `image/jpeg`. Sniffed from the bytes when omitted. */
  mediaType?: string;
  /** File name sent on the wire; derived from the path or a default when omitted. */
  fileName?: string;
  /** Frame of the output where this input is placed (Sora 1; default 0). */
  frameIndex?: number;
  /** Part of the input to use (Sora 1). */
  crop?: Partial<CropBounds>;
}

/** A short video the generation continues from (Sora 1 only). */
export interface VideoInput {
  kind: 'video';
  /** The MP4 bytes. */
  source: MediaSource;
  /** MIME type, default `video/mp4`. */
  mediaType?: string;
  /** File name sent on the wire; derived from the path or a default when omitted. */
  fileName?: string;
  /** Frame of the output where this input starts (default 0). */
  frameIndex?: number;
  /** Part of the input to use. */
  crop?: Partial<CropBounds>;
  /** Duration of the input in seconds when known; used for validation before sending. */
  seconds?: number;
}

/** A media input of a create request. */
export type MediaInput = ImageInput | VideoInput;

/** What to generate. Validated against the backend's capabilities before anything is sent. */
export interface CreateVideoRequest {
  /** The text prompt (1..32000 characters on Sora 2). */
  prompt: string;
  /** Output frame size. Default: the model's default size. */
  size?: VideoSize;
  /** Duration in seconds. Default: the model's default duration. */
  seconds?: number;
  /** Model id (Sora 2, e.g. `sora-2-pro`) or, on Azure, the deployment name. */
  model?: string;
  /** Number of variants (Sora 1 only; Sora 2 always makes one). */
  variants?: number;
  /** Images or a video to start from. */
  inputs?: MediaInput[];
  /** Ids of characters (`char_...`) to place in the video (Sora 2 on OpenAI; at most two). */
  characters?: readonly string[];
}

/** A remix: a new video from a finished one and a new prompt (Sora 2 only). */
export interface RemixVideoRequest {
  /** The prompt describing the change. */
  prompt: string;
}

/** An edit: a new video from a completed one, changed as the prompt says (Sora 2 on OpenAI). */
export interface EditVideoRequest {
  /** What to change. */
  prompt: string;
}

/** An extension: the completed video continued for `seconds` more (Sora 2 on OpenAI). */
export interface ExtendVideoRequest {
  /** What happens next. */
  prompt: string;
  /** Length of the new part, seconds (4, 8, 12, 16 or 20); the result lasts the stitched total. */
  seconds: number;
}

/** A character made from a short clip of someone or something (Sora 2 on OpenAI). */
export interface CreateCharacterRequest {
  /** Display name, 1..80 characters. */
  name: string;
  /** The clip (MP4; 2-4 s works best). */
  video: MediaSource;
  /** MIME type, default `video/mp4`. */
  mediaType?: string;
  /** File name sent on the wire; derived from the path or a default when omitted. */
  fileName?: string;
}

/** A character, as the backend describes it. Characters never expire. */
export interface VideoCharacter {
  /** `char_...`. */
  id: string;
  /** Display name, when the backend returned one. */
  name: string | undefined;
  createdAt: Date;
  backend: BackendId;
  /** The wire object the backend returned, untouched. */
  raw: unknown;
}

/** The unified status of a job, whatever the backend calls it. */
export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

/** Statuses after which a job never changes again. */
export const TERMINAL_STATUSES: readonly VideoStatus[] = ['completed', 'failed', 'cancelled'];

/** One downloadable result of a job: the video itself (Sora 2) or one generation/variant (Sora 1). */
export interface VideoOutput {
  /** Id to download with: the video id (Sora 2) or the generation id (Sora 1). */
  id: string;
  width: number;
  height: number;
  seconds: number;
  /** Whether the video has an audio track (Sora 2 yes, Sora 1 no). */
  hasAudio: boolean;
}

/** Why a job failed, as the backend said it. */
export interface VideoJobError {
  /** Backend code, e.g. `input_moderation`, `internal_error`, `moderation_blocked`. */
  code: string;
  message: string;
  /** The original error's type (OpenAI `Video.error.type`, e.g. `server_error`), when the backend sent one. */
  type?: string;
  /** The request field the error concerns (OpenAI `Video.error.param`), when the backend named one. */
  param?: string;
  /** How long the service asked to wait before trying again (from the error's `retry-after(-ms)` headers). */
  retryAfterMs?: number;
  /** The original error's headers as the backend reported them (lower-case names). */
  headers?: Record<string, string>;
}

/** A video generation job in the unified model. */
export interface VideoJob {
  /** The backend's job id (`video_...` or `task_...`). */
  id: string;
  backend: BackendId;
  status: VideoStatus;
  /** Completion percentage 0..100 when the backend reports one (Sora 2). */
  progress?: number;
  prompt?: string;
  model?: string;
  width: number;
  height: number;
  seconds: number;
  variants: number;
  createdAt: Date;
  completedAt?: Date;
  /** When the outputs are deleted by the service. */
  expiresAt?: Date;
  /** The video this one was remixed from (Sora 2). */
  remixedFromId?: string;
  /** Downloadable results; empty until the job completes. */
  outputs: VideoOutput[];
  error?: VideoJobError;
  /**
   * A fingerprint of the inputs (images, video) the job was made from, as the backend's job
   * object shows them; equal to the provider's `inputsFingerprint` of the same inputs. Undefined
   * where the job object does not show its inputs (Sora 2; a Sora 1 job without inputs).
   */
  inputsFingerprint?: string;
  /** The wire object the backend returned, untouched. */
  raw: unknown;
}

/** What `download` can fetch. Sora 1 serves `video` and `thumbnail`; Sora 2 also `spritesheet`. */
export type DownloadVariant = 'video' | 'thumbnail' | 'spritesheet';

/** A streamed download. */
export interface VideoDownload {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  contentLength?: number;
}

/** One page of a backend listing. */
export interface VideoJobPage {
  jobs: VideoJob[];
  /** Cursor for the next page, absent when there is none. */
  nextCursor?: string;
}
