/**
 * Sends one request to a target and checks the answer against the strict wire schemas: the
 * success schema of the endpoint for 2xx, the dialect's error envelope otherwise.
 * @module
 */
import { ContractFailure } from './contract-failure.js';
import type { RecordedExchange, WireErrorBody, WireResponse, WireSchema } from './wire-response.js';

/** How the success body of an endpoint looks. */
export type SuccessShape<T> = WireSchema<T> | 'binary' | 'empty';

/** One request to send. */
export interface ExchangeSpec<T> {
  /** Operation label, e.g. `GET /videos/{id}`. */
  readonly operation: string;
  /** HTTP method. */
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** Headers (auth included unless the scenario left it out). */
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON value or a ready body (FormData). */
  readonly body?: unknown;
  /** What a 2xx body must be. */
  readonly success: SuccessShape<T>;
  /** Whether a 2xx answer starts a billed job: `expected` is refused by the cost guard first. */
  readonly startsJob?: 'expected' | 'unexpected';
}

/** Sends requests, validates answers, and records statuses. */
export interface Exchanger {
  /** Sends one request. @throws ContractFailure when the body breaks its schema */
  send<T>(spec: ExchangeSpec<T>): Promise<WireResponse<T>>;
  /** Every request sent so far. */
  readonly log: readonly RecordedExchange[];
  /** Jobs started so far (2xx answers to job-creating requests). */
  readonly jobsStarted: number;
}

/** Options of `createExchanger`. */
export interface ExchangerOptions {
  /** How to send. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The dialect's error envelope schema. */
  readonly errorSchema: WireSchema<unknown>;
  /** The most jobs this exchanger may start (cost guard). */
  readonly maxJobs: number;
}

/** Formats a schema failure as `path: message` lines. */
export function describeIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  return issues
    .slice(0, 5)
    .map(
      (issue) => `${issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')}: ${issue.message}`,
    )
    .join('; ');
}

function normalizeError(body: unknown): WireErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const inner =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : record;
  if (typeof inner.message !== 'string' || inner.message === '') return undefined;
  const optional = (value: unknown) => (typeof value === 'string' || value === null ? value : undefined);
  return {
    message: inner.message,
    type: optional(inner.type),
    param: optional(inner.param),
    code: optional(inner.code),
  };
}

function parseJson(text: string, operation: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ContractFailure(`${operation} ${status}: body is not JSON: ${text.slice(0, 200)}`);
  }
}

/** Creates an exchanger for one scenario run. */
export function createExchanger(options: ExchangerOptions): Exchanger {
  const log: RecordedExchange[] = [];
  let jobsStarted = 0;
  const send = async <T>(spec: ExchangeSpec<T>): Promise<WireResponse<T>> => {
    const { operation } = spec;
    if (spec.startsJob === 'expected' && jobsStarted >= options.maxJobs) {
      throw new ContractFailure(
        `cost guard: ${operation} would start job ${jobsStarted + 1}, but this scenario may start at most ${options.maxJobs}`,
      );
    }
    const headers = new Headers(spec.headers);
    let body: BodyInit | undefined;
    if (spec.body instanceof FormData) body = spec.body;
    else if (spec.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(spec.body);
    }
    let response: Response;
    try {
      response = await options.fetch(
        new Request(spec.url, { method: spec.method, headers, ...(body === undefined ? {} : { body }) }),
      );
    } catch (error) {
      log.push({ operation, status: 0 });
      throw new ContractFailure(`${operation}: request failed: ${(error as Error).message}`);
    }
    const { status } = response;
    log.push({ operation, status });
    const contentType =
      (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const base = { operation, status, headers: response.headers, contentType };
    if (status >= 200 && status < 300) {
      if (spec.startsJob !== undefined) jobsStarted += 1;
      if (spec.success === 'binary') {
        return {
          ...base,
          body: undefined,
          error: undefined,
          bytes: new Uint8Array(await response.arrayBuffer()),
        };
      }
      const text = await response.text();
      if (spec.success === 'empty') {
        if (text !== '')
          throw new ContractFailure(`${operation} ${status}: expected no body, got ${text.slice(0, 200)}`);
        return { ...base, body: undefined, error: undefined, bytes: undefined };
      }
      const parsed = spec.success.safeParse(parseJson(text, operation, status));
      if (!parsed.success) {
        throw new ContractFailure(
          `${operation} ${status}: body breaks the strict wire schema: ${describeIssues(parsed.error.issues)}`,
        );
      }
      return { ...base, body: parsed.data, error: undefined, bytes: undefined };
    }
    const text = spec.method === 'HEAD' ? '' : await response.text();
    if (text === '') return { ...base, body: undefined, error: undefined, bytes: undefined };
    const json = parseJson(text, operation, status);
    const checked = options.errorSchema.safeParse(json);
    if (!checked.success) {
      throw new ContractFailure(
        `${operation} ${status}: error body breaks the error envelope: ${describeIssues(checked.error.issues)}`,
      );
    }
    const error = normalizeError(json);
    if (error === undefined)
      throw new ContractFailure(`${operation} ${status}: error body has no message: ${text.slice(0, 200)}`);
    return { ...base, body: undefined, error, bytes: undefined };
  };
  return {
    send,
    log,
    get jobsStarted() {
      return jobsStarted;
    },
  };
}
