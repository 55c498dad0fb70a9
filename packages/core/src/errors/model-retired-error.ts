import { ServiceRetiredError, type ServiceRetiredErrorOptions } from './service-retired-error.js';
import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.ModelRetiredError';
const symbol = Symbol.for(marker);

/** Options of {@link ModelRetiredError}. */
export interface ModelRetiredErrorOptions extends ServiceRetiredErrorOptions {
  /** 404 or 410 (default 410). */
  status?: number;
}

/**
 * One model (or deployment) has been shut down while the service still runs. A kind of
 * {@link ServiceRetiredError}, so one check covers both. Never retryable.
 */
export class ModelRetiredError extends ServiceRetiredError {
  protected readonly [symbol] = true;

  constructor(options: ModelRetiredErrorOptions) {
    super({ ...options, status: options.status ?? 410 });
    this.name = 'ModelRetiredError';
  }

  /** True when `error` is a {@link ModelRetiredError} from any copy of the package. */
  static override isInstance(error: unknown): error is ModelRetiredError {
    return SoraKitError.hasMarker(error, marker);
  }
}
