/**
 * The error `wait()` throws for a job that ended without completing.
 * @module
 */
import { JobFailedError } from '../errors/index.js';
import type { VideoJob } from '../types.js';

/**
 * A {@link JobFailedError} for a `failed` or `cancelled` job. A failed job without an error code gets
 * code `unknown`; a cancelled job gets code `cancelled`. The error's `type`, `param` and retry
 * hint are carried over.
 */
export function jobFailedError(job: VideoJob): JobFailedError {
  if (job.status === 'cancelled') {
    return new JobFailedError({
      jobId: job.id,
      code: 'cancelled',
      message: `job ${job.id} was cancelled`,
      job,
    });
  }
  const error = job.error;
  const code = error?.code || 'unknown';
  return new JobFailedError({
    jobId: job.id,
    code,
    message: error?.message || `job ${job.id} failed (${code})`,
    job,
    ...(error?.type === undefined ? {} : { type: error.type }),
    ...(error?.param === undefined ? {} : { param: error.param }),
    ...(error?.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}
