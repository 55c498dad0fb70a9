/**
 * The Hono environment every emulator route shares: what middleware puts on the context.
 * @module
 */

/** Context variables set by the shared middleware. */
export interface EmulatorVariables {
  /** The id sent in `x-request-id` (set by {@link requestIdMiddleware}). */
  requestId: string;
  /** The response headers that carry {@link EmulatorVariables.requestId} (set with it). */
  requestIdHeaders: readonly string[];
  /** The response that already carries those headers (built by `jsonWithRequestId`), if any. */
  requestIdResponse: Response;
}

/** Hono `Env` of the emulator app and every dialect sub-app. */
export interface EmulatorEnv {
  /** Context variables. */
  Variables: EmulatorVariables;
}
