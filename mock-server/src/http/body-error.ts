/**
 * The error of a request body that could not be read: too large, unparseable, or with a field
 * name that is refused. Each dialect renders it in its own envelope (413 or 400).
 * @module
 */

const BODY_ERROR = Symbol.for('sora-kit.emulator.BodyError');

/** Why a body could not be read. */
export type BodyErrorKind =
  | 'too_large'
  | 'invalid_json'
  | 'invalid_multipart'
  | 'invalid_field_name'
  | 'unsupported_media_type';

/** A body that is too large or unparseable; dialects render it (413 or 400). */
export class BodyError extends Error {
  override readonly name = 'BodyError';
  /** Marker that survives duplicated package copies. */
  readonly [BODY_ERROR] = true;
  /**
   * @param kind what went wrong
   * @param limit the byte limit, for `too_large`
   * @param field the offending field name, for `invalid_field_name`
   */
  constructor(
    readonly kind: BodyErrorKind,
    message: string,
    readonly limit?: number,
    readonly field?: string,
  ) {
    super(message);
  }

  /** True when `value` is a BodyError from any copy of this package. */
  static isInstance(value: unknown): value is BodyError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BODY_ERROR] === true
    );
  }
}
