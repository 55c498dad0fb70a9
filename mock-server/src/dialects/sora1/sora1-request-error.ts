/**
 * A request the Sora 1 dialect refuses before the engine sees it (validation, auth, unknown
 * deployment). Rendered by {@link renderSora1Error} like the engine's domain errors.
 * @module
 */

const SORA1_REQUEST_ERROR = Symbol.for('sora-kit.emulator.Sora1RequestError');

/** A refusal with its HTTP status and the fields of the Azure error envelope. */
export class Sora1RequestError extends Error {
  override readonly name = 'Sora1RequestError';
  /** Marker that survives duplicated package copies. */
  readonly [SORA1_REQUEST_ERROR] = true;

  /**
   * @param status HTTP status (4xx)
   * @param code envelope `code`, e.g. `BadRequest`
   * @param message envelope `message`
   * @param param the offending wire field, or null
   * @param type envelope `type`
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly type: string = 'invalid_request_error',
  ) {
    super(message);
  }

  /** True when `value` is a Sora1RequestError from any copy of this package. */
  static isInstance(value: unknown): value is Sora1RequestError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[SORA1_REQUEST_ERROR] === true
    );
  }
}

/** A 400 naming the offending field. */
export function badRequest(param: string, message: string): Sora1RequestError {
  return new Sora1RequestError(400, 'BadRequest', message, param);
}

/** Azure's answer to a missing or wrong key (the observed 401 body has only code and message). */
export function unauthorized(): Sora1RequestError {
  return new Sora1RequestError(
    401,
    '401',
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    null,
    'invalid_request_error',
  );
}

/** Azure's 404 for a `model` that names no deployment (contracts 3). */
export function deploymentNotFound(deployment: string): Sora1RequestError {
  return new Sora1RequestError(
    404,
    'DeploymentNotFound',
    `The API deployment '${deployment}' for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.`,
    'model',
  );
}
