/**
 * The error `wait()` throws for a job that ended without completing.
 * @module
 */
import { JobFailedError } from '../errors/index.js';
import type { VideoJob } from '../types.js';

/**
 * A {@link JobFailedError} for a `failed` or `cancelled` job. A failed job without an error code gets
 * code `unknown`; a cancelled job gets code `cancelled`.
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
  const code = job.error?.code || 'unknown';
  return new JobFailedError({
    jobId: job.id,
    code,
    message: job.error?.message || `job ${job.id} failed (${code})`,
    job,
  });
}
