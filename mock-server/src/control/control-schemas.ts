/**
 * Zod schemas of the control API's JSON bodies (private; the OpenAPI document is derived from
 * them). Wire names are snake_case, as in the dialects.
 * @module
 */

import { z } from 'zod';
import { isValidClockScope } from '../clock/clock-scopes.js';
import { MAX_CLOCK_MS, MAX_CLOCK_SPEED } from '../clock/controllable-clock.js';
import { TIMING_PROFILE_NAMES, type TimingProfileName } from '../engine/timing-profiles.js';
import { decodeJobsCursor } from './control-wire.js';

const routePattern = z
  .string()
  .min(1)
  .describe('"METHOD /path-glob" or "/path-glob"; `*` matches anything, path only');

/** Response headers a fault may not set: the server frames the answer itself. */
const FRAMING_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Why `__proto__` cannot name a header: objects built from the names could not hold it. */
const RESERVED_NAME = 'is reserved in JavaScript objects and cannot name a header here; choose another name';

/** A response header name: an RFC 9110 token, not one that frames the message, not `__proto__`. */
export const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a valid header name (RFC 9110 token characters only)')
  .refine((name) => !FRAMING_HEADERS.has(name.toLowerCase()), {
    message: 'is set by the server and cannot be injected',
  })
  .refine((name) => name !== '__proto__', { message: RESERVED_NAME });

/** A response header value: visible ASCII, Latin-1, spaces and tabs; no CR, LF or NUL. */
export const headerValueSchema = z
  .string()
  .regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'may not contain CR, LF, NUL or characters above U+00FF');

/**
 * What a record (`z.record`) parsed from user keys must refuse before zod sees it: zod skips an
 * own `__proto__` key (assigning it would replace the result's prototype), so without this a
 * header named `__proto__` would vanish from a fault without a word.
 */
function refuseProtoKey(raw: unknown, ctx: z.RefinementCtx): unknown {
  if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '__proto__')) {
    ctx.addIssue({
      code: 'custom',
      path: ['__proto__'],
      input: raw,
      message: RESERVED_NAME,
    });
  }
  return raw;
}

/** Response headers a fault sends or records: header names to values, `__proto__` refused. */
export const headerMapSchema = z.preprocess(refuseProtoKey, z.record(headerNameSchema, headerValueSchema));

const clockScope = z
  .string()
  .min(1)
  .max(300)
  .describe('A credential ("openai:KEY", "azure:KEY") or a scope name (letters, digits, ".", "_", "-")');

/** `POST /_emulator/clock/scopes`: credentials join a named clock scope. */
export const joinClockScopeBody = z.strictObject({
  scope: clockScope.describe('The scope name (not a credential); created at the global time if new.'),
  credentials: z
    .array(z.string().min(1).max(300))
    .min(1)
    .max(1000)
    .describe('Credential partitions that join it, e.g. ["openai:sk-suite-a", "azure:sk-suite-a"].'),
});

/** `POST /_emulator/clock/advance`. */
export const advanceClockBody = z.strictObject({
  ms: z
    .number()
    .int()
    .min(0)
    .max(MAX_CLOCK_MS)
    .describe(
      'Milliseconds to move forward (either clock mode). The result may not pass 8.64e15 ms (the last time a Date can hold); a refused advance moves nothing.',
    ),
  scope: clockScope
    .optional()
    .describe(
      'Move only this clock scope: a credential ("openai:sk-test-1", "azure:KEY") or a named scope credentials joined. Default: the global clock (everyone).',
    ),
});

/** `POST /_emulator/timing`. */
export const setTimingBody = z.strictObject({
  profile: z
    .enum(TIMING_PROFILE_NAMES as [TimingProfileName, ...TimingProfileName[]])
    .describe('Timing of jobs created from now on: realistic (published service timings) or fast.'),
});

/** `POST /_emulator/clock/set`. */
export const setClockBody = z
  .strictObject({
    now_ms: z
      .number()
      .int()
      .min(0)
      .max(MAX_CLOCK_MS)
      .optional()
      .describe('Jump to this time, ms since the epoch (not earlier than now, at most 8.64e15).'),
    iso: z.iso.datetime({ offset: true }).optional().describe('Same as now_ms, as an ISO 8601 date-time.'),
    mode: z.enum(['real', 'manual']).optional().describe('Switch the clock mode; time is continuous.'),
    speed: z
      .number()
      .positive()
      .max(MAX_CLOCK_SPEED)
      .optional()
      .describe('Real-mode speed multiplier (> 0, at most 1e6).'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one of now_ms, iso, mode, speed' })
  .refine((b) => b.now_ms === undefined || b.iso === undefined, { message: 'give now_ms or iso, not both' });

const routeFault = z.strictObject({
  type: z.literal('route'),
  route: routePattern,
  count: z.number().int().min(1).default(1).describe('How many matching requests fail (default 1).'),
  status: z.number().int().min(400).max(599),
  body: z.unknown().optional().describe('JSON body (default: an error envelope naming the injected status).'),
  headers: headerMapSchema
    .optional()
    .describe('Extra response headers (e.g. retry-after); names are tokens, values hold no CR/LF.'),
});

const latencyFault = z.strictObject({
  type: z.literal('latency'),
  latency_ms: z.number().int().min(0).max(600_000).describe('Host-time delay, in both clock modes.'),
  route: routePattern.optional(),
  count: z.number().int().min(1).optional().describe('How many requests (default: every one).'),
  after_route: z
    .boolean()
    .optional()
    .describe('Run the route first (a create makes its job), then wait: a service slower than the client.'),
  drop: z.boolean().optional().describe('After the wait, close the connection instead of answering.'),
});

const jobFailureFault = z.strictObject({
  type: z.literal('job_failure'),
  progress: z.number().int().min(0).max(100),
  code: z.string().min(1).optional().describe('Default internal_error; Sora 1 shows it as failure_reason.'),
  message: z.string().min(1).optional(),
  error_type: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe('Sora 2 `error.type`, the original error type (default server_error; null: none recorded).'),
  param: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe('Sora 2 `error.param`, the request field the error concerns (default null).'),
  headers: headerMapSchema
    .optional()
    .describe('Sora 2 `error.headers`: retry hints of the original error, e.g. {"retry-after": "30"}.'),
  match: z
    .strictObject({
      prompt_includes: z.string().min(1).optional(),
      model: z.string().min(1).optional(),
      partition: z.string().min(1).optional(),
      kind: z.enum(['sora1', 'sora2']).optional(),
    })
    .optional(),
  times: z.number().int().min(1).optional().describe('How many jobs (default: every matching job).'),
});

const moderationFault = z.strictObject({
  type: z.literal('moderation'),
  words: z.array(z.string().min(1)).describe('Replaces the list; [] turns moderation off.'),
});

const retiredModelFault = z.strictObject({
  type: z.literal('retired_model'),
  model: z.string().min(1),
  status: z.union([z.literal(404), z.literal(410)]).default(404),
  message: z.string().min(1).optional(),
});

const restoreModelFault = z.strictObject({
  type: z.literal('restore_model'),
  model: z.string().min(1),
});

const retiredServiceFault = z.strictObject({
  type: z.literal('retired_service'),
  service: z.enum(['openai-sora2', 'azure-sora2', 'azure-sora1']),
  status: z.union([z.literal(404), z.literal(410)]).default(404),
  message: z.string().min(1).optional(),
});

const restoreServiceFault = z.strictObject({
  type: z.literal('restore_service'),
  service: z.enum(['openai-sora2', 'azure-sora2', 'azure-sora1']),
});

/** `POST /_emulator/faults`: one fault, discriminated by `type`. */
export const faultBody = z.discriminatedUnion('type', [
  routeFault,
  latencyFault,
  jobFailureFault,
  moderationFault,
  retiredModelFault,
  restoreModelFault,
  retiredServiceFault,
  restoreServiceFault,
]);

/** A parsed fault body. */
export type FaultBody = z.output<typeof faultBody>;

/** Adds `type` when a body leaves it out but its fields say which fault it is. */
export function inferFaultType(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || 'type' in body) return body;
  const type =
    'latency_ms' in body
      ? 'latency'
      : 'words' in body
        ? 'moderation'
        : 'progress' in body
          ? 'job_failure'
          : 'route' in body
            ? 'route'
            : 'model' in body
              ? 'retired_model'
              : 'service' in body
                ? 'retired_service'
                : undefined;
  return type === undefined ? body : { type, ...body };
}

const positiveInt = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** `POST /_emulator/quota`: the quota policy for jobs created from now on (running jobs keep theirs). */
export const quotaBody = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('concurrent'),
    max_concurrent: positiveInt.describe('Unfinished jobs allowed per credential and API family.'),
  }),
  z.strictObject({
    mode: z.literal('rate'),
    limit: positiveInt.describe(
      'Accepted creates allowed in any sliding window, per credential and API family.',
    ),
    window_ms: positiveInt.describe('The window, ms (e.g. 60000 for "2 per minute").'),
  }),
  z.strictObject({ mode: z.literal('none').describe('No quota.') }),
]);

/** A parsed quota body. */
export type QuotaBody = z.output<typeof quotaBody>;

// Query parameters (see control-query.ts): each field reads one parameter's string, and each
// message completes "NAME 'VALUE' ..." with what is allowed.

/** Page size of `GET /_emulator/jobs` when `limit` is omitted. */
export const JOBS_PAGE_DEFAULT = 1000;
/** Largest `limit` of `GET /_emulator/jobs`. */
export const JOBS_PAGE_MAX = 10_000;

/**
 * A whole-number query parameter from `min` to `max`, written in decimal digits (`1e3`, ` 5`,
 * `0x10` and `5.0` are refused).
 */
export function integerParam(min: number, max: number) {
  const allowed = `is not an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,16}$/, allowed)
    .transform(Number)
    .pipe(z.number().int().min(min, allowed).max(max, allowed));
}

/** A query parameter taking one of `values` (at least one). */
export function enumParam<const T extends string>(values: readonly T[]) {
  return z.enum(values as unknown as [T, ...T[]], { error: `is not one of ${values.join(', ')}` });
}

/** A query parameter naming a job kind. */
export const jobKindParam = enumParam(['sora1', 'sora2']);

/** A query parameter naming a credential partition, e.g. `openai:sk-test-1`. */
export const partitionParam = z
  .string()
  .min(1, 'is empty; give a credential partition such as "openai:sk-test-1"')
  .describe('Credential partition, e.g. `openai:<key>` or `azure:<key>`.');

/** `GET /_emulator/clock`. */
export const clockQuery = z.object({
  scope: z
    .string()
    .refine(isValidClockScope, {
      message:
        'is neither a credential ("openai:KEY", "azure:KEY"; at most 300 characters) nor a scope name (letters, digits, ".", "_", "-"; at most 100)',
    })
    .optional()
    .describe(
      'Read this clock scope: a credential ("openai:KEY") or a scope name. Default: the global clock.',
    ),
});

/** `GET /_emulator/jobs`. */
export const jobsQuery = z.object({
  partition: partitionParam.optional().describe('Only this credential partition.'),
  limit: integerParam(1, JOBS_PAGE_MAX).default(JOBS_PAGE_DEFAULT).describe('Jobs per page.'),
  after: z
    .string()
    .refine((text) => decodeJobsCursor(text) !== undefined, { message: 'is not a next_cursor of this API' })
    .optional()
    .describe('The next_cursor of the previous page.'),
  kind: jobKindParam.optional().describe('Only Sora 1 jobs or only Sora 2 videos.'),
});
