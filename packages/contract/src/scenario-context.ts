/**
 * What a scenario's `run` receives: request helpers for its dialect (every answer validated),
 * expectations that throw `ContractFailure`, time control, and the emulator control API.
 * @module
 */
import { sora1ErrorSchema, sora1WrappedErrorSchema, sora2ErrorResponseSchema } from '@sora-kit/core/wire';
import type { ContractDialect } from './contract-dialect.js';
import { ContractFailure, ContractSkip } from './contract-failure.js';
import { createSora1Client, type Sora1Client } from './sora1-wire-client.js';
import { createSora2Client, type SettleLoop, type Sora2Client } from './sora2-wire-client.js';
import type { DialectEndpoint, EmulatorControlCall, Target } from './target.js';
import { createExchanger, type Exchanger } from './wire-exchange.js';
import type { RecordedExchange, WireErrorBody, WireResponse, WireSchema } from './wire-response.js';

/**
 * The Azure host of Sora 2: the OpenAI envelope, or Azure's own wrapped form, which its gateway
 * answers for a path it does not serve (`{"error": {"code": "404", "message": "Resource not found"}}`).
 */
const sora2AzureErrorSchema: WireSchema<unknown> = {
  safeParse(value) {
    const openai = sora2ErrorResponseSchema.safeParse(value);
    return openai.success ? openai : sora1WrappedErrorSchema.safeParse(value);
  },
};

const ERROR_SCHEMAS: Readonly<Record<ContractDialect, WireSchema<unknown>>> = {
  'sora2-openai': sora2ErrorResponseSchema,
  'sora2-azure': sora2AzureErrorSchema,
  'sora1-azure': sora1ErrorSchema,
};

/** What a failed request is expected to say. `undefined` fields are not checked. */
export interface ExpectedError {
  /** `param` (use `null` to require a null or absent param). */
  readonly param?: string | null;
  /** `type`. */
  readonly type?: string;
  /** `code`. */
  readonly code?: string | null;
}

/** The context of one scenario run on one dialect of one target. */
export interface ScenarioContext {
  /** The dialect this run speaks. */
  readonly dialect: ContractDialect;
  /** The target (name and capabilities). */
  readonly target: Pick<Target, 'name' | 'capabilities'>;
  /** Where the dialect lives and with which credential. */
  readonly endpoint: DialectEndpoint;
  /** A word unique to this run (letters and digits), for prompts that faults should match. */
  readonly token: string;
  /** Sora 2 requests (dialects `sora2-openai` and `sora2-azure`). */
  readonly sora2: Sora2Client;
  /** Sora 1 requests (dialect `sora1-azure`). */
  readonly sora1: Sora1Client;
  /** The same requests with no credential at all. */
  readonly unauthenticated: { readonly sora2: Sora2Client; readonly sora1: Sora1Client };
  /** The emulator control API (`/_emulator`); throws on targets that are not emulators. */
  readonly control: EmulatorControlCall;
  /** Moves the target's time forward (emulator clock, or a real wait). */
  advance(ms: number): Promise<void>;
  /** A prompt that carries `token`. */
  prompt(text: string): string;
  /** Requires `response.status` to be one of `expected`; returns the validated body. */
  expectStatus<T>(response: WireResponse<T>, expected: number | readonly number[]): T;
  /** Requires an error answer with `status` and an envelope matching `expected`; returns the envelope. */
  expectError(response: WireResponse<unknown>, status: number, expected?: ExpectedError): WireErrorBody;
  /** Requires `condition`; the message says what was expected. */
  check(condition: unknown, message: string): void;
  /** Ends the run as skipped: the scenario does not apply to this target as configured. */
  skip(reason: string): never;
  /** Requires a value to be present (not `null`/`undefined`) and returns it. */
  defined<T>(value: T | null | undefined, what: string): T;
  /** Requires `actual === expected`. */
  expectEqual<T>(actual: T, expected: T, what: string): void;
  /** Requests sent so far, with their statuses. */
  readonly exchanges: readonly RecordedExchange[];
  /** Jobs this run has started. */
  readonly jobsStarted: number;
}

/** Options of `createScenarioContext`. */
export interface ScenarioContextOptions {
  /** The target. */
  readonly target: Target;
  /** The dialect. */
  readonly dialect: ContractDialect;
  /** Unique per scenario run (credential isolation on emulators, prompt token). */
  readonly isolationKey: string;
  /** The most jobs the run may start (cost guard). */
  readonly maxJobs: number;
}

function describeStatus(response: WireResponse<unknown>): string {
  const error =
    response.error === undefined
      ? ''
      : ` (${response.error.code ?? response.error.type ?? 'error'}: ${response.error.message})`;
  return `${response.status}${error}`;
}

/** Builds the context of one scenario run. */
export function createScenarioContext(options: ScenarioContextOptions): ScenarioContext {
  const { target, dialect } = options;
  const endpoint = target.endpoint(dialect, { isolationKey: options.isolationKey });
  const errorSchema = ERROR_SCHEMAS[dialect];
  const exchanger: Exchanger = createExchanger({
    fetch: target.fetch,
    errorSchema,
    maxJobs: options.maxJobs,
  });
  const { pollIntervalMs, settleTimeoutMs } = target.capabilities;
  const settle: SettleLoop = async (label, poll, isSettled) => {
    for (let waited = 0; ; waited += pollIntervalMs) {
      const value = await poll();
      if (isSettled(value)) return value;
      if (waited >= settleTimeoutMs)
        throw new ContractFailure(`${label} did not settle within ${settleTimeoutMs} ms`);
      await target.advance(pollIntervalMs);
    }
  };
  const bare = { ...endpoint, headers: {} };
  const token = `kit${options.isolationKey.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  const check = (condition: unknown, message: string): void => {
    if (!condition) throw new ContractFailure(message);
  };
  return {
    dialect,
    target,
    endpoint,
    token,
    sora2: createSora2Client(exchanger, endpoint, settle),
    sora1: createSora1Client(exchanger, endpoint, settle),
    unauthenticated: {
      sora2: createSora2Client(exchanger, bare, settle),
      sora1: createSora1Client(exchanger, bare, settle),
    },
    control: (path, body, method) => {
      if (target.control === undefined)
        throw new ContractFailure(`${target.name} has no emulator control API`);
      return target.control(path, body, method);
    },
    advance: (ms) => target.advance(ms),
    skip(reason: string): never {
      throw new ContractSkip(reason);
    },
    prompt: (text) => `${text} ${token}`,
    expectStatus<T>(response: WireResponse<T>, expected: number | readonly number[]): T {
      const allowed = typeof expected === 'number' ? [expected] : expected;
      if (!allowed.includes(response.status)) {
        throw new ContractFailure(
          `${response.operation}: expected ${allowed.join(' or ')}, got ${describeStatus(response)}`,
        );
      }
      return response.body as T;
    },
    expectError(response, status, expected = {}) {
      if (response.status !== status || response.error === undefined) {
        throw new ContractFailure(
          `${response.operation}: expected a ${status} error envelope, got ${describeStatus(response)}`,
        );
      }
      const { error } = response;
      for (const key of ['param', 'type', 'code'] as const) {
        const want = expected[key];
        if (want === undefined) continue;
        const got = error[key] ?? null;
        if (got !== want) {
          throw new ContractFailure(
            `${response.operation} ${status}: expected ${key} ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
          );
        }
      }
      return error;
    },
    check,
    defined<T>(value: T | null | undefined, what: string): T {
      if (value === null || value === undefined)
        throw new ContractFailure(`${what}: expected a value, got ${String(value)}`);
      return value;
    },
    expectEqual(actual, expected, what) {
      if (actual !== expected) {
        throw new ContractFailure(
          `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
        );
      }
    },
    get exchanges() {
      return exchanger.log;
    },
    get jobsStarted() {
      return exchanger.jobsStarted;
    },
  };
}
