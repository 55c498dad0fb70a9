/**
 * What a scenario gets back from one request: status, headers, and the body already checked
 * against the strict wire schema of that endpoint.
 * @module
 */

/** The error envelope of any dialect, flattened (OpenAI `{error:{…}}`, Azure wrapped or flat). */
export interface WireErrorBody {
  /** `message`. */
  readonly message: string;
  /** `type`, when sent. */
  readonly type: string | null | undefined;
  /** `param`: the field the error is about, when sent. */
  readonly param: string | null | undefined;
  /** `code`, when sent. */
  readonly code: string | null | undefined;
}

/** One answered request. */
export interface WireResponse<T = unknown> {
  /** The operation, e.g. `GET /videos/{id}`. */
  readonly operation: string;
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** `content-type` without parameters, lower case (`''` when absent). */
  readonly contentType: string;
  /** The success body, validated by the endpoint's strict schema (JSON endpoints, 2xx only). */
  readonly body: T | undefined;
  /** The error envelope, validated by the dialect's error schema (non-2xx only). */
  readonly error: WireErrorBody | undefined;
  /** The raw bytes of a binary success body (content endpoints). */
  readonly bytes: Uint8Array | undefined;
}

/** One request as the report records it. */
export interface RecordedExchange {
  /** The operation, e.g. `POST /videos`. */
  readonly operation: string;
  /** HTTP status (0 when the request failed before an answer). */
  readonly status: number;
}

/** A strict schema as the kit uses it (a zod schema from `@sora-kit/core/wire` fits). */
export interface WireSchema<T> {
  /** Validates without throwing. */
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
      };
}
