/**
 * A dialect-neutral HTTP error: status plus the fields every envelope needs. Route code throws
 * it; each dialect's error renderer writes it into its own envelope.
 * @module
 */

const WIRE_ERROR = Symbol.for('sora-kit.emulator.WireError');

/** Fields of a {@link WireError}. */
export interface WireErrorInit {
  /** HTTP status. */
  status: number;
  /** Human-readable message. */
  message: string;
  /** Error type (OpenAI `type`, e.g. `invalid_request_error`). */
  type?: string;
  /** The offending request field, or null. */
  param?: string | null;
  /** Machine code, or null. */
  code?: string | null;
  /** Extra response headers (e.g. `retry-after`). */
  headers?: Readonly<Record<string, string>>;
}

/** An error with an HTTP status and envelope fields. */
export class WireError extends Error {
  override readonly name = 'WireError';
  /** Marker that survives duplicated package copies. */
  readonly [WIRE_ERROR] = true;
  /** HTTP status. */
  readonly status: number;
  /** Error type. */
  readonly type: string;
  /** Offending field. */
  readonly param: string | null;
  /** Machine code. */
  readonly code: string | null;
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>;

  /** @param init status, message and envelope fields */
  constructor(init: WireErrorInit) {
    super(init.message);
    this.status = init.status;
    this.type = init.type ?? 'invalid_request_error';
    this.param = init.param ?? null;
    this.code = init.code ?? null;
    this.headers = init.headers ?? {};
  }

  /** True when `value` is a WireError from any copy of this package. */
  static isInstance(value: unknown): value is WireError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WIRE_ERROR] === true
    );
  }
}
