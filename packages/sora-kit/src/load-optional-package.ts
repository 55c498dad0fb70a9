/**
 * Loading a package `sora-kit` does not depend on (an optional peer), with one clear error when it
 * is missing: the emulator for the offline CLI, the contract kit, `@azure/identity` for Entra ID.
 * @module
 */
import { SoraKitError } from '@sora-kit/core';

const marker = 'sora-kit.error.MissingPackageError';
const symbol = Symbol.for(marker);

/** A feature needs an optional package that is not installed. */
export class MissingPackageError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The package to install. */
  readonly packageName: string;

  constructor(packageName: string, purpose: string, cause?: unknown) {
    super({
      message: `${purpose} needs ${packageName}, which is not installed: npm install ${packageName}`,
      cause,
    });
    this.name = 'MissingPackageError';
    this.packageName = packageName;
  }

  /** True when `error` is a {@link MissingPackageError} from any copy of the package. */
  static override isInstance(error: unknown): error is MissingPackageError {
    return SoraKitError.hasMarker(error, marker);
  }
}

/**
 * Runs `load` (a dynamic `import()` of `packageName`); when the package cannot be found, throws
 * {@link MissingPackageError} saying what needs it and how to install it.
 * @example
 * const { DefaultAzureCredential } = await loadOptionalPackage(() => import('@azure/identity'), '@azure/identity', 'Entra ID auth');
 */
export async function loadOptionalPackage<T>(
  load: () => Promise<T>,
  packageName: string,
  purpose: string,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : '';
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(packageName)) {
      throw new MissingPackageError(packageName, purpose, error);
    }
    throw error;
  }
}
