import { SoraKitError } from './sora-kit-error.js';
import { VideoApiError, type VideoApiErrorOptions } from './video-api-error.js';

const marker = 'sora-kit.error.ModelRetiredError';
const symbol = Symbol.for(marker);

/** Options of {@link ModelRetiredError}. */
export interface ModelRetiredErrorOptions extends Omit<VideoApiErrorOptions, 'status'> {
  /** 404 or 410 (default 410). */
  status?: number;
  /** The retired model or deployment, when known. */
  model?: string;
}

/**
 * The model has been shut down (e.g. the Sora 2 Videos API after 2026-09-24). Never retryable.
 */
export class ModelRetiredError extends VideoApiError {
  protected readonly [symbol] = true;
  /** The retired model, when known. */
  readonly model: string | undefined;

  constructor(options: ModelRetiredErrorOptions) {
    super({ ...options, status: options.status ?? 410, isRetryable: false });
    this.name = 'ModelRetiredError';
    this.model = options.model;
  }

  /** True when `error` is a {@link ModelRetiredError} from any copy of the package. */
  static override isInstance(error: unknown): error is ModelRetiredError {
    return SoraKitError.hasMarker(error, marker);
  }
}
