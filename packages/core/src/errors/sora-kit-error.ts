/**
 * The root of every error sora-kit throws.
 * @module
 */

const marker = 'sora-kit.error';
const symbol = Symbol.for(marker);

/** Options every sora-kit error accepts. */
export interface SoraKitErrorOptions {
  /** Human-readable message. */
  message: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * Base class of the sora-kit error hierarchy. Check with `SoraKitError.isInstance(e)` (or the
 * subclass's own `isInstance`) rather than `instanceof`: the check uses a `Symbol.for` marker,
 * so it still works when two copies of `@sora-kit/core` are installed side by side.
 */
export class SoraKitError extends Error {
  protected readonly [symbol] = true;

  constructor({ message, cause }: SoraKitErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SoraKitError';
  }

  /** True when `error` is a sora-kit error, from this copy of the package or another. */
  static isInstance(error: unknown): error is SoraKitError {
    return SoraKitError.hasMarker(error, marker);
  }

  /** True when `error` carries the `Symbol.for(marker)` brand set to `true`. */
  protected static hasMarker(error: unknown, markerName: string): boolean {
    const brand = Symbol.for(markerName);
    return (
      error != null &&
      typeof error === 'object' &&
      brand in error &&
      (error as Record<symbol, unknown>)[brand] === true
    );
  }
}
