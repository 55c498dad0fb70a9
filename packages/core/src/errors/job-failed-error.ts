import type { VideoJob } from '../types.js';
import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.JobFailedError';
const symbol = Symbol.for(marker);

/** Options of {@link JobFailedError}. */
export interface JobFailedErrorOptions {
  /** The failed job's id. */
  jobId: string;
  /** The backend's failure code (`error.code` or `failure_reason`). */
  code: string;
  /** The backend's failure message; defaults to the code. */
  message?: string;
  /** Default: {@link isModerationCode}(code). */
  moderation?: boolean;
  /** The failed job. */
  job?: VideoJob;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * Whether a failure code means a content-policy block: anything containing `moderation`,
 * `content_policy`, `content_filter`, `safety` or Azure's `ResponsibleAIPolicyViolation`.
 */
export function isModerationCode(code: string): boolean {
  return /moderation|content[_-]?policy|content[_-]?filter|safety|responsibleaipolicyviolation/i.test(code);
}

/** The job reached `failed`. `moderation` tells a policy block from a service failure. */
export class JobFailedError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The failed job's id. */
  readonly jobId: string;
  /** The backend's failure code. */
  readonly code: string;
  /** True when the content was blocked by moderation (retrying the same prompt will not help). */
  readonly moderation: boolean;
  /** The failed job, when known. */
  readonly job: VideoJob | undefined;

  constructor({ jobId, code, message, moderation, job, cause }: JobFailedErrorOptions) {
    super({ message: message ?? code, cause });
    this.name = 'JobFailedError';
    this.jobId = jobId;
    this.code = code;
    this.moderation = moderation ?? isModerationCode(code);
    this.job = job;
  }

  /** True when `error` is a {@link JobFailedError} from any copy of the package. */
  static override isInstance(error: unknown): error is JobFailedError {
    return SoraKitError.hasMarker(error, marker);
  }
}
