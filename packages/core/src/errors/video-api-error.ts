import type { BackendId } from '../types.js';
import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.VideoApiError';
const symbol = Symbol.for(marker);

/** Options of {@link VideoApiError}. */
export interface VideoApiErrorOptions {
  /** The service's message, or `HTTP <status>`. */
  message: string;
  /** HTTP status of the response. */
  status: number;
  /** The service's error code (`error.code`), when it sent one. */
  code?: string;
  /** The request field the service blamed (`error.param`). */
  param?: string;
  /** The service's error type (`error.type`), e.g. `invalid_request_error`. */
  type?: string;
  /** From `x-request-id` or `apim-request-id`. */
  requestId?: string;
  /** Default: true for 408, 409, 429 and >= 500. */
  isRetryable?: boolean;
  /** The response body: parsed JSON when it was JSON, else the text. */
  body?: unknown;
  /** Response headers, lower-cased names. */
  headers?: Record<string, string>;
  /** The request URL. */
  url?: string;
  /** The backend that answered. */
  backend?: BackendId;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** Whether a status is worth retrying by default (the `openai` SDK's rule: 408, 409, 429, >= 500). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The service answered with an HTTP error. Subclasses narrow the cause. */
export class VideoApiError extends SoraKitError {
  protected readonly [symbol] = true;
  /** HTTP status. */
  readonly status: number;
  /** The service's error code. */
  readonly code: string | undefined;
  /** The field the service blamed. */
  readonly param: string | undefined;
  /** The service's error type. */
  readonly type: string | undefined;
  /** Request id for support tickets. */
  readonly requestId: string | undefined;
  /** Whether repeating the same request may succeed. */
  readonly isRetryable: boolean;
  /** The response body. */
  readonly body: unknown;
  /** Response headers, lower-cased names. */
  readonly headers: Record<string, string> | undefined;
  /** The request URL. */
  readonly url: string | undefined;
  /** The backend that answered. */
  readonly backend: BackendId | undefined;

  constructor(options: VideoApiErrorOptions) {
    super({ message: options.message, cause: options.cause });
    this.name = 'VideoApiError';
    this.status = options.status;
    this.code = options.code;
    this.param = options.param;
    this.type = options.type;
    this.requestId = options.requestId;
    this.isRetryable = options.isRetryable ?? isRetryableStatus(options.status);
    this.body = options.body;
    this.headers = options.headers;
    this.url = options.url;
    this.backend = options.backend;
  }

  /** True when `error` is a {@link VideoApiError} (or subclass) from any copy of the package. */
  static override isInstance(error: unknown): error is VideoApiError {
    return SoraKitError.hasMarker(error, marker);
  }
}
