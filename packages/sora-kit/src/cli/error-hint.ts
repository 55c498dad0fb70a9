/**
 * A hint attached to an error on its way out of a command: printed under the error's message (and
 * as `hint` in the `--json` error document) without changing the error's type or exit code.
 * @module
 */

const hints = new WeakMap<object, string>();

/** Attaches `hint` to `error` and returns the error (to throw it). */
export function withHint<E>(error: E, hint: string | undefined): E {
  if (hint !== undefined && typeof error === 'object' && error !== null) hints.set(error, hint);
  return error;
}

/** The hint attached to `error`, if any. */
export function hintOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? hints.get(error) : undefined;
}
