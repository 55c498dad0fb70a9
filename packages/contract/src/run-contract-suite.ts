/**
 * Registers the scenarios as vitest tests, for a user's own CI.
 * @module
 */
import { ContractFailure } from './contract-failure.js';
import { filterScenarios, type ScenarioFilter } from './run-contract.js';
import { type CostBudget, runScenario } from './run-scenario.js';
import type { Scenario } from './scenario.js';
import { contractScenarios } from './scenarios/index.js';
import type { Target } from './target.js';

/** The part of the test API the suite uses: vitest's `describe`, `it` and `afterAll` fit. */
export interface ContractTestApi {
  /** Groups tests. */
  describe(name: string, body: () => void): unknown;
  /** Declares a test; the context's `skip(note)` marks it skipped at run time. */
  it(
    name: string,
    body: (context: { skip(note?: string): unknown }) => Promise<void>,
    timeout?: number,
  ): unknown;
  /** Runs once after the group (closes the target). */
  afterAll?(body: () => Promise<void> | void): unknown;
}

/** Options of `runContractSuite`. */
export interface ContractSuiteOptions {
  /** The target. */
  readonly target: Target;
  /** Scenarios (default every built-in one). */
  readonly scenarios?: readonly Scenario[];
  /** Keeps only the matching scenarios. */
  readonly filter?: ScenarioFilter;
  /** `describe`/`it`/`afterAll` (default: imported from `vitest`). */
  readonly test?: ContractTestApi;
  /** Per-test timeout in ms (default 60 s for emulators, 20 min for live targets). */
  readonly timeoutMs?: number;
  /** Makes credentials and prompt tokens unique (default: the time in base 36). */
  readonly runId?: string;
}

/**
 * Registers one `describe` per target and one `it` per scenario and dialect. Skipped scenarios
 * (emulator-only on a live target, cost guard, dialect not served) are reported as skipped with
 * their reason. Call it at the top level of a test file, with `await` when `test` is not given
 * (vitest is then imported lazily, so the package does not depend on it).
 * @example
 * // contract.test.ts
 * import { inProcessTarget, runContractSuite } from '@sora-kit/contract';
 * await runContractSuite({ target: inProcessTarget() });
 */
export async function runContractSuite(options: ContractSuiteOptions): Promise<void> {
  const api: ContractTestApi = options.test ?? ((await import('vitest')) as unknown as ContractTestApi);
  const { target } = options;
  const scenarios = filterScenarios(options.scenarios ?? contractScenarios, options.filter);
  const timeout = options.timeoutMs ?? (target.capabilities.live ? 20 * 60_000 : 60_000);
  const runId = options.runId ?? Date.now().toString(36);
  const budget: CostBudget = { max: target.capabilities.maxJobs, used: 0 };
  let prepared: Promise<void> | undefined;
  let sequence = 0;
  api.describe(`sora-kit contract: ${target.name}`, () => {
    for (const scenario of scenarios) {
      for (const dialect of scenario.dialects) {
        sequence += 1;
        const isolationKey = `${runId}${sequence.toString(36)}`;
        api.it(
          `${scenario.name} [${dialect}]`,
          async (context) => {
            if (target.skipReason === undefined && target.prepare !== undefined) {
              prepared ??= target.prepare();
              await prepared;
            }
            const result = await runScenario({ target, scenario, dialect, budget, isolationKey });
            if (result.status === 'skipped') context.skip(result.reason);
            else if (result.status === 'failed') throw new ContractFailure(result.reason ?? 'failed');
          },
          timeout,
        );
      }
    }
    api.afterAll?.(async () => {
      await target.close?.();
    });
  });
}
