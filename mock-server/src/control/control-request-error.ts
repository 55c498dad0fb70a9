/**
 * The control API's refusal: a 400 `{ "error": { message, type: "invalid_request_error", param } }`.
 * @module
 */

/** A control request refused before anything changed; `param` names the field or query parameter. */
export class ControlRequestError extends Error {
  /**
   * @param message What is wrong, naming the field, the value and what is allowed.
   * @param param The body field or query parameter, or null for the whole body.
   */
  constructor(
    message: string,
    readonly param: string | null,
  ) {
    super(message);
    this.name = 'ControlRequestError';
  }
}

/**
 * The control API's error envelope.
 * @example
 * c.json(controlErrorJson("kind 'x' is not one of sora1, sora2", 'kind'), 400);
 */
export function controlErrorJson(message: string, param: string | null) {
  return { error: { message, type: 'invalid_request_error', param, code: null } };
}
