/**
 * A contract scenario: written once, run per dialect against any target.
 * @module
 */
import type { ContractDialect } from './contract-dialect.js';
import type { ScenarioContext } from './scenario-context.js';
import type { TargetCapabilities } from './target.js';

/** What `defineScenario` takes. */
export interface ScenarioDefinition {
  /** Unique name, kebab-case (`create-complete-download`, `invalid-field-seconds`). */
  readonly name: string;
  /** One line on what the scenario proves. */
  readonly description: string;
  /** The dialects it applies to; it runs once per dialect the target serves. */
  readonly dialects: readonly ContractDialect[];
  /** Needs a controllable clock or fault injection: skipped on live targets. */
  readonly emulatorOnly?: boolean;
  /** Jobs the scenario starts (its cost on a live target); a function when it depends on the target. */
  readonly jobs: number | ((capabilities: TargetCapabilities) => number);
  /** The scenario body; throws `ContractFailure` (through the ctx helpers) on any deviation. */
  run(ctx: ScenarioContext): Promise<void>;
}

/** A defined scenario. */
export interface Scenario extends ScenarioDefinition {
  /** The jobs it starts on a target with these capabilities. */
  jobsOn(capabilities: TargetCapabilities): number;
}

/**
 * Declares a scenario.
 * @example
 * export const listWorks = defineScenario({
 *   name: 'list-works', description: 'GET /videos answers a valid list', dialects: ['sora2-openai'], jobs: 0,
 *   async run(ctx) { ctx.expectStatus(await ctx.sora2.list({ limit: 1 }), 200); },
 * });
 */
export function defineScenario(definition: ScenarioDefinition): Scenario {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(definition.name)) {
    throw new TypeError(`scenario name must be kebab-case: '${definition.name}'`);
  }
  if (definition.dialects.length === 0) throw new TypeError(`scenario '${definition.name}' names no dialect`);
  const { jobs } = definition;
  return Object.freeze({
    ...definition,
    jobsOn: (capabilities: TargetCapabilities) => (typeof jobs === 'number' ? jobs : jobs(capabilities)),
  });
}
