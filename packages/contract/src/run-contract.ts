/**
 * Runs scenarios against targets and collects a scenario x target report.
 * @module
 */
import type { ContractDialect } from './contract-dialect.js';
import { ContractFailure } from './contract-failure.js';
import { type ContractResult, type CostBudget, runScenario } from './run-scenario.js';
import type { Scenario } from './scenario.js';
import { contractScenarios } from './scenarios/index.js';
import type { Target } from './target.js';

/**
 * Which scenarios to run: a name (exact, a prefix ending at a `-`, or a `*` glob), several
 * names, a RegExp, or a predicate.
 */
export type ScenarioFilter = string | readonly string[] | RegExp | ((scenario: Scenario) => boolean);

/** Options of `runContract`. */
export interface RunContractOptions {
  /** Targets, run one after the other. */
  readonly targets: readonly Target[];
  /** Scenarios (default `contractScenarios`, every built-in one). */
  readonly scenarios?: readonly Scenario[];
  /** Keeps only the matching scenarios. */
  readonly filter?: ScenarioFilter;
  /** Makes credentials and prompt tokens unique to this run (default: the time in base 36). */
  readonly runId?: string;
  /** Monotonic ms for durations (default `performance.now`). */
  readonly now?: () => number;
  /** Called after each result (progress output). */
  readonly onResult?: (result: ContractResult) => void;
}

/** A target as the report describes it. */
export interface ContractTargetSummary {
  /** Name. */
  readonly name: string;
  /** Dialects it serves. */
  readonly dialects: readonly ContractDialect[];
  /** Why it was skipped entirely, if it was. */
  readonly skipReason?: string;
  /** Jobs the run started on it. */
  readonly jobs: number;
}

/** The outcome of `runContract`. */
export interface ContractReport {
  /** One result per scenario x dialect x target, in run order. */
  readonly results: readonly ContractResult[];
  /** The targets. */
  readonly targets: readonly ContractTargetSummary[];
  /** Counts. */
  readonly passed: number;
  /** Counts. */
  readonly failed: number;
  /** Counts. */
  readonly skipped: number;
  /** No failure. */
  readonly ok: boolean;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function nameMatches(name: string, pattern: string): boolean {
  if (pattern.includes('*')) return globToRegExp(pattern).test(name);
  return name === pattern || name.startsWith(`${pattern}-`);
}

/** Applies a filter to scenarios. */
export function filterScenarios(
  scenarios: readonly Scenario[],
  filter: ScenarioFilter | undefined,
): Scenario[] {
  if (filter === undefined) return [...scenarios];
  if (typeof filter === 'function') return scenarios.filter(filter);
  if (filter instanceof RegExp) return scenarios.filter((scenario) => filter.test(scenario.name));
  const patterns = typeof filter === 'string' ? [filter] : filter;
  return scenarios.filter((scenario) => patterns.some((pattern) => nameMatches(scenario.name, pattern)));
}

/** Summarizes results into a report. */
export function summarizeResults(
  results: readonly ContractResult[],
  targets: readonly ContractTargetSummary[],
): ContractReport {
  const count = (status: ContractResult['status']) =>
    results.filter((result) => result.status === status).length;
  const failed = count('failed');
  return { results, targets, passed: count('passed'), failed, skipped: count('skipped'), ok: failed === 0 };
}

/**
 * Runs every scenario on every dialect of every target. Never throws for a broken target: its
 * scenarios fail with the reason.
 * @example
 * const report = await runContract({ targets: [inProcessTarget()], filter: 'invalid-field' });
 * console.log(formatContractTable(report));
 */
export async function runContract(options: RunContractOptions): Promise<ContractReport> {
  const scenarios = filterScenarios(options.scenarios ?? contractScenarios, options.filter);
  const runId = options.runId ?? Date.now().toString(36);
  const results: ContractResult[] = [];
  const targets: ContractTargetSummary[] = [];
  const push = (result: ContractResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  let sequence = 0;
  for (const target of options.targets) {
    const budget: CostBudget = { max: target.capabilities.maxJobs, used: 0 };
    let broken: string | undefined;
    if (target.skipReason === undefined && target.prepare !== undefined) {
      try {
        await target.prepare();
      } catch (error) {
        broken = ContractFailure.isInstance(error)
          ? error.message
          : `target not usable: ${(error as Error).message}`;
      }
    }
    for (const scenario of scenarios) {
      for (const dialect of scenario.dialects) {
        sequence += 1;
        if (broken !== undefined && target.dialects.includes(dialect)) {
          push({
            scenario: scenario.name,
            dialect,
            target: target.name,
            status: 'failed',
            reason: broken,
            durationMs: 0,
            jobs: 0,
            exchanges: [],
          });
          continue;
        }
        push(
          await runScenario({
            target,
            scenario,
            dialect,
            budget,
            isolationKey: `${runId}${sequence.toString(36)}`,
            ...(options.now === undefined ? {} : { now: options.now }),
          }),
        );
      }
    }
    targets.push({
      name: target.name,
      dialects: target.dialects,
      ...(target.skipReason === undefined ? {} : { skipReason: target.skipReason }),
      jobs: budget.used,
    });
  }
  return summarizeResults(results, targets);
}
