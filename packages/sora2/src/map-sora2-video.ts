import {
  type BackendId,
  normalizeHeaders,
  parseRetryAfterMs,
  parseSize,
  SoraKitError,
  type VideoJob,
  type VideoStatus,
} from '@sora-kit/core';
import { sora2VideoSchema } from './sora2-api.js';

const STATUS: Readonly<Record<string, VideoStatus>> = {
  queued: 'queued',
  in_progress: 'in_progress',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The unified status of a Sora 2 status word; unknown words count as `in_progress`. */
export function mapSora2Status(status: string): VideoStatus {
  return STATUS[status] ?? 'in_progress';
}

const toDate = (seconds: number | null | undefined) =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;

/**
 * Reads a Sora 2 video wire object into a {@link VideoJob}: one output (the video itself, with
 * audio) once completed; `error.code` (e.g. `moderation_blocked`), `type`, `param` and the retry
 * hint of `error.headers` kept for `JobFailedError`.
 * @throws {SoraKitError} when the body is not a video object.
 */
export function mapSora2Video(raw: unknown, backend: BackendId): VideoJob {
  const parsed = sora2VideoSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SoraKitError({
      message: `${backend} returned something that is not a video: ${parsed.error.issues[0]?.message ?? ''}`,
      cause: parsed.error,
    });
  }
  const video = parsed.data;
  const status = mapSora2Status(video.status);
  const { width, height } = (video.size ? parseSize(video.size) : undefined) ?? { width: 0, height: 0 };
  const seconds = Number(video.seconds ?? 0) || 0;
  const job: VideoJob = {
    id: video.id,
    backend,
    status,
    width,
    height,
    seconds,
    variants: 1,
    createdAt: toDate(video.created_at) ?? new Date(0),
    outputs: status === 'completed' ? [{ id: video.id, width, height, seconds, hasAudio: true }] : [],
    raw,
  };
  if (typeof video.progress === 'number') job.progress = video.progress;
  if (video.prompt != null) job.prompt = video.prompt;
  if (video.model != null) job.model = video.model;
  const completedAt = toDate(video.completed_at);
  if (completedAt) job.completedAt = completedAt;
  const expiresAt = toDate(video.expires_at);
  if (expiresAt) job.expiresAt = expiresAt;
  if (video.remixed_from_video_id) job.remixedFromId = video.remixed_from_video_id;
  if (status === 'failed' || video.error) {
    const code = video.error?.code || 'unknown';
    if (status === 'failed' || video.error?.code) {
      job.error = { code, message: video.error?.message || `the video failed: ${code}` };
      const extra = video.error;
      if (extra?.type) job.error.type = extra.type;
      if (extra?.param) job.error.param = extra.param;
      if (extra?.headers) {
        job.error.headers = normalizeHeaders(extra.headers);
        const retryAfterMs = parseRetryAfterMs(extra.headers);
        if (retryAfterMs !== undefined) job.error.retryAfterMs = retryAfterMs;
      }
    }
  }
  return job;
}
