import { SoraKitError } from './sora-kit-error.js';
import { VideoApiError, type VideoApiErrorOptions } from './video-api-error.js';

const marker = 'sora-kit.error.ServiceRetiredError';
const symbol = Symbol.for(marker);

/** Options of {@link ServiceRetiredError}. */
export interface ServiceRetiredErrorOptions extends Omit<VideoApiErrorOptions, 'status'> {
  /** 404 or 410 (default 404). */
  status?: number;
  /** The retired model or deployment, when known. */
  model?: string;
}

/**
 * The service answered as shut down (the OpenAI Videos API after 2026-09-24, Azure `sora-2`
 * after 2026-10-15). `message` is the service's own message; `backend` and `model` say what is
 * gone. Never retryable, and a router moves on to the next backend.
 * @example
 * try { await client.generate({ prompt: 'a red balloon' }); }
 * catch (error) { if (ServiceRetiredError.isInstance(error)) console.error(`${error.backend} is retired: ${error.message}`); }
 */
export class ServiceRetiredError extends VideoApiError {
  protected readonly [symbol] = true;
  /** The retired model or deployment, when known. */
  readonly model: string | undefined;

  constructor(options: ServiceRetiredErrorOptions) {
    super({ ...options, status: options.status ?? 404, isRetryable: false });
    this.name = 'ServiceRetiredError';
    this.model = options.model;
  }

  /** True when `error` is a {@link ServiceRetiredError} (or a subclass) from any copy of the package. */
  static override isInstance(error: unknown): error is ServiceRetiredError {
    return SoraKitError.hasMarker(error, marker);
  }
}
