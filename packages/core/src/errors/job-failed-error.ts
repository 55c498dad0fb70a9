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
  /** The original error's type (OpenAI `Video.error.type`). */
  type?: string;
  /** The request field the failure concerns (OpenAI `Video.error.param`). */
  param?: string;
  /** How long the service asked to wait before a new attempt, ms (the error's retry headers). */
  retryAfterMs?: number;
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
  /** The original error's type (e.g. `server_error`, `invalid_request_error`), when the backend said. */
  readonly type: string | undefined;
  /** The request field the failure concerns (e.g. `prompt`), when the backend named one. */
  readonly param: string | undefined;
  /** How long the service asked to wait before a new attempt (ms), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor({
    jobId,
    code,
    message,
    moderation,
    job,
    cause,
    type,
    param,
    retryAfterMs,
  }: JobFailedErrorOptions) {
    super({ message: message ?? code, cause });
    this.name = 'JobFailedError';
    this.jobId = jobId;
    this.code = code;
    this.moderation = moderation ?? isModerationCode(code);
    this.job = job;
    this.type = type;
    this.param = param;
    this.retryAfterMs = retryAfterMs;
  }

  /** True when `error` is a {@link JobFailedError} from any copy of the package. */
  static override isInstance(error: unknown): error is JobFailedError {
    return SoraKitError.hasMarker(error, marker);
  }
}
