/**
 * Turns the job reads of one wait into monotonic progress events.
 * @module
 */
import type { VideoJob, VideoStatus } from '../types.js';

/** What `onProgress` receives. */
export interface ProgressEvent {
  jobId: string;
  status: VideoStatus;
  /**
   * Completion percentage 0..100, never lower than a value reported before in the same wait
   * (services sometimes report a lower value on a later read). 0 when the backend reports none
   * (Sora 1) until the job completes, then 100.
   */
  progress: number;
  /** The job as just read. */
  job: VideoJob;
}

/** Reports a {@link ProgressEvent} whenever the status changes or the progress grows. */
export class ProgressTracker {
  private status: VideoStatus | undefined;
  private progress = -1;

  constructor(private readonly listener: ((event: ProgressEvent) => void) | undefined) {}

  /** Feeds one read of the job. */
  observe(job: VideoJob): void {
    const reported = job.status === 'completed' ? 100 : Math.min(100, Math.max(0, job.progress ?? 0));
    const progress = Math.max(this.progress, reported);
    if (job.status === this.status && progress === this.progress) return;
    this.status = job.status;
    this.progress = progress;
    this.listener?.({ jobId: job.id, status: job.status, progress, job });
  }
}
