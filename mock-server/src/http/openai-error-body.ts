/**
 * The OpenAI error envelope (`ErrorResponse`, contracts 1.6), used by both Sora 2 hosts and by
 * the app's last-resort handler.
 * @module
 */

/** `{ error: { message, type, param, code } }`, all four always present. */
export interface OpenAIErrorBody {
  /** The error. */
  error: {
    /** Human-readable message. */
    message: string;
    /** Error type. */
    type: string;
    /** Offending field or null. */
    param: string | null;
    /** Machine code or null. */
    code: string | null;
  };
}

/**
 * Builds the envelope.
 * @example
 * openAIErrorBody({ message: 'Not found', type: 'invalid_request_error' });
 */
export function openAIErrorBody(fields: {
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
}): OpenAIErrorBody {
  return {
    error: {
      message: fields.message,
      type: fields.type,
      param: fields.param ?? null,
      code: fields.code ?? null,
    },
  };
}
