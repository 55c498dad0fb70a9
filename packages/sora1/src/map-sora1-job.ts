import { SoraKitError, type VideoJob, type VideoStatus } from '@sora-kit/core';
import { sora1InputsFingerprint } from './build-sora1-create-body.js';
import { type Sora1Job, sora1JobSchema } from './sora1-api.js';

const STATUS: Readonly<Record<string, VideoStatus>> = {
  preprocessing: 'queued',
  queued: 'queued',
  running: 'in_progress',
  processing: 'in_progress',
  succeeded: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

const FAILURE_MESSAGES: Readonly<Record<string, string>> = {
  input_moderation: 'the prompt or an input was blocked by content moderation',
  output_moderation: 'the generated video was blocked by content moderation',
  internal_error: 'the service failed to generate the video',
};

/** The unified status of a Sora 1 job status word; unknown words count as `in_progress`. */
export function mapSora1Status(status: string): VideoStatus {
  return STATUS[status.toLowerCase()] ?? 'in_progress';
}

const toDate = (seconds: number | null | undefined) =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;

/**
 * Reads a Sora 1 job wire object into a {@link VideoJob}: status mapped, one output per
 * generation, `failure_reason` as `error.code` (the client turns it into a `JobFailedError` with
 * `moderation` set for `input_moderation` / `output_moderation`).
 * @throws {SoraKitError} when the body is not a job object at all.
 */
export function mapSora1Job(raw: unknown): VideoJob {
  const parsed = sora1JobSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SoraKitError({
      message: `azure-sora1 returned something that is not a video generation job: ${parsed.error.issues[0]?.message ?? ''}`,
      cause: parsed.error,
    });
  }
  return toVideoJob(parsed.data, raw);
}

function toVideoJob(job: Sora1Job, raw: unknown): VideoJob {
  const status = mapSora1Status(job.status);
  const width = job.width ?? 0;
  const height = job.height ?? 0;
  const seconds = job.n_seconds ?? 0;
  const result: VideoJob = {
    id: job.id,
    backend: 'azure-sora1',
    status,
    width,
    height,
    seconds,
    variants: job.n_variants ?? 1,
    createdAt: toDate(job.created_at) ?? new Date(0),
    outputs:
      status === 'completed'
        ? (job.generations ?? []).map((generation) => ({
            id: generation.id,
            width: generation.width ?? width,
            height: generation.height ?? height,
            seconds: generation.n_seconds ?? seconds,
            hasAudio: false,
          }))
        : [],
    raw,
  };
  if (job.prompt != null) result.prompt = job.prompt;
  if (job.model != null) result.model = job.model;
  const completedAt = toDate(job.finished_at);
  if (completedAt) result.completedAt = completedAt;
  const expiresAt = toDate(job.expires_at);
  if (expiresAt) result.expiresAt = expiresAt;
  if (job.inpaint_items) result.inputsFingerprint = sora1InputsFingerprint(job.inpaint_items);
  if (status === 'failed') {
    const code = job.failure_reason || 'unknown';
    result.error = { code, message: FAILURE_MESSAGES[code] ?? `the job failed: ${code}` };
  }
  return result;
}
