import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.GateUnavailableError';
const symbol = Symbol.for(marker);

/** Options of {@link GateUnavailableError}. */
export interface GateUnavailableErrorOptions {
  /** The gate's name (a shared gate: its Redis key name). */
  gate: string;
  /** Where the gate's store lives (e.g. `redis://127.0.0.1:6379`), credentials left out. */
  store?: string;
  /** How long the store has been unreachable, in ms. */
  downForMs?: number;
  /** Overrides the default message. */
  message?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * A shared concurrency gate cannot reach its store (Redis), so it cannot tell whether a slot is
 * free. Nothing was sent to the video service. Thrown instead of creating without a slot, which
 * could overrun the credential's quota.
 */
export class GateUnavailableError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The gate's name. */
  readonly gate: string;
  /** Where the gate's store lives. */
  readonly store: string | undefined;
  /** Repeating later may succeed once the store is back. */
  readonly isRetryable = true;

  constructor({ gate, store, downForMs, message, cause }: GateUnavailableErrorOptions) {
    super({
      message:
        message ??
        `concurrency gate "${gate}" cannot reach ${store ?? 'its store'}${downForMs === undefined ? '' : ` (unreachable for ${Math.round(downForMs)} ms)`}; no job was started`,
      cause,
    });
    this.name = 'GateUnavailableError';
    this.gate = gate;
    this.store = store;
  }

  /** True when `error` is a {@link GateUnavailableError} from any copy of the package. */
  static override isInstance(error: unknown): error is GateUnavailableError {
    return SoraKitError.hasMarker(error, marker);
  }
}
