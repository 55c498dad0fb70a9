/**
 * Runs one scenario on one dialect of one target and turns the outcome into a result:
 * passed, failed (with the broken expectation) or skipped (with the reason).
 * @module
 */
import type { ContractDialect } from './contract-dialect.js';
import { ContractFailure, ContractSkip } from './contract-failure.js';
import type { Scenario } from './scenario.js';
import { createScenarioContext } from './scenario-context.js';
import type { Target } from './target.js';
import type { RecordedExchange } from './wire-response.js';

/** The outcome of one scenario run. */
export type ContractStatus = 'passed' | 'failed' | 'skipped';

/** One cell of the scenario x target table. */
export interface ContractResult {
  /** Scenario name. */
  readonly scenario: string;
  /** The dialect it ran on. */
  readonly dialect: ContractDialect;
  /** Target name. */
  readonly target: string;
  /** Outcome. */
  readonly status: ContractStatus;
  /** Why it failed or was skipped. */
  readonly reason?: string;
  /** Wall time in ms. */
  readonly durationMs: number;
  /** Jobs it started. */
  readonly jobs: number;
  /** Requests it sent and their statuses. */
  readonly exchanges: readonly RecordedExchange[];
  /** True when the target does not serve the dialect (the table shows `-`). */
  readonly notServed?: boolean;
}

/** The jobs a run may still start on one target (cost guard). */
export interface CostBudget {
  /** The limit (`Infinity` for emulators). */
  readonly max: number;
  /** Jobs started so far. */
  used: number;
}

/** Options of `runScenario`. */
export interface RunScenarioOptions {
  /** The target (already prepared). */
  readonly target: Target;
  /** The scenario. */
  readonly scenario: Scenario;
  /** The dialect to run it on. */
  readonly dialect: ContractDialect;
  /** The target's remaining jobs. */
  readonly budget: CostBudget;
  /** Unique per run of this scenario. */
  readonly isolationKey: string;
  /** Monotonic ms (default `performance.now`). */
  readonly now?: () => number;
}

/** The reason `scenario` cannot run on `dialect` of `target`, if any. */
export function skipReasonFor(
  target: Target,
  scenario: Scenario,
  dialect: ContractDialect,
  budget: CostBudget,
): string | undefined {
  if (target.skipReason !== undefined) return target.skipReason;
  if (!target.dialects.includes(dialect)) return `${target.name} does not serve ${dialect}`;
  const { capabilities } = target;
  if (
    scenario.emulatorOnly &&
    (capabilities.live || !capabilities.controlsClock || !capabilities.canInjectFaults)
  ) {
    return 'emulator-only (needs a controllable clock and fault injection)';
  }
  const jobs = scenario.jobsOn(capabilities);
  const left = budget.max - budget.used;
  if (jobs > left) {
    return `cost guard: needs ${jobs} job(s), ${left} left of max-jobs ${budget.max} (raise with --max-jobs or SORA_KIT_CONTRACT_MAX_JOBS)`;
  }
  return undefined;
}

/** Runs one scenario; never throws. */
export async function runScenario(options: RunScenarioOptions): Promise<ContractResult> {
  const { target, scenario, dialect, budget } = options;
  const now = options.now ?? (() => performance.now());
  const base = { scenario: scenario.name, dialect, target: target.name };
  const skip = skipReasonFor(target, scenario, dialect, budget);
  if (skip !== undefined) {
    const notServed = target.skipReason === undefined && !target.dialects.includes(dialect);
    return {
      ...base,
      status: 'skipped',
      reason: skip,
      durationMs: 0,
      jobs: 0,
      exchanges: [],
      ...(notServed ? { notServed } : {}),
    };
  }
  const started = now();
  const maxJobs = target.capabilities.live ? scenario.jobsOn(target.capabilities) : Number.POSITIVE_INFINITY;
  let ctx: ReturnType<typeof createScenarioContext> | undefined;
  try {
    ctx = createScenarioContext({ target, dialect, isolationKey: options.isolationKey, maxJobs });
    await scenario.run(ctx);
    return {
      ...base,
      status: 'passed',
      durationMs: now() - started,
      jobs: ctx.jobsStarted,
      exchanges: [...ctx.exchanges],
    };
  } catch (error) {
    if (ContractSkip.isInstance(error)) {
      return {
        ...base,
        status: 'skipped',
        reason: error.message,
        durationMs: now() - started,
        jobs: ctx?.jobsStarted ?? 0,
        exchanges: [...(ctx?.exchanges ?? [])],
      };
    }
    const reason = ContractFailure.isInstance(error)
      ? error.message
      : `unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    return {
      ...base,
      status: 'failed',
      reason,
      durationMs: now() - started,
      jobs: ctx?.jobsStarted ?? 0,
      exchanges: [...(ctx?.exchanges ?? [])],
    };
  } finally {
    budget.used += ctx?.jobsStarted ?? 0;
  }
}
