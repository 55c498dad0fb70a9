/**
 * `@sora-kit/contract`: contract scenarios for the Sora video APIs, written once and run against
 * the emulator (in-process or over HTTP) or real Azure/OpenAI endpoints. Every response body is
 * checked against the strict wire schemas of `@sora-kit/core/wire`.
 * @module
 */
export { CONTRACT_DIALECTS, type ContractDialect, isContractDialect } from './contract-dialect.js';
export { ContractConfigError, ContractFailure, ContractSkip } from './contract-failure.js';
export { type EmulatorTargetOptions, emulatorTarget } from './emulator-target.js';
export { formatContractTable } from './format-contract-table.js';
export { type HttpTargetOptions, httpTarget } from './http-target.js';
export { type InProcessTarget, type InProcessTargetOptions, inProcessTarget } from './in-process-target.js';
export {
  type ContractEnv,
  DEFAULT_LIVE_MAX_JOBS,
  type LiveTargetOptions,
  liveTargetsFromEnv,
} from './live-targets-from-env.js';
export { expectJpeg, expectMp4, expectWebp } from './media-checks.js';
export {
  type ContractReport,
  type ContractTargetSummary,
  filterScenarios,
  type RunContractOptions,
  runContract,
  type ScenarioFilter,
} from './run-contract.js';
export { CONTRACT_USAGE, type ContractCommandIo, runContractCommand } from './run-contract-command.js';
export { type ContractSuiteOptions, type ContractTestApi, runContractSuite } from './run-contract-suite.js';
export {
  type ContractResult,
  type ContractStatus,
  type CostBudget,
  type RunScenarioOptions,
  runScenario,
} from './run-scenario.js';
export { defineScenario, type Scenario, type ScenarioDefinition } from './scenario.js';
export type { ExpectedError, ScenarioContext } from './scenario-context.js';
export {
  ALL_DIALECTS,
  characters,
  contractScenarios,
  createCompleteDownload,
  deleteJob,
  edit,
  expiry,
  extend,
  failure,
  invalidCropBounds,
  invalidFieldScenarios,
  invalidInputReference,
  invalidModel,
  invalidNSeconds,
  invalidNVariants,
  invalidPrompt,
  invalidResolution,
  invalidSeconds,
  invalidSize,
  listPagination,
  missingAuth,
  moderation,
  quota,
  remix,
  SORA1_DIALECTS,
  SORA2_DIALECTS,
} from './scenarios/index.js';
export { solidPng, solidPngDataUrl } from './solid-png.js';
export type { Sora1Client, Sora1FilePart } from './sora1-wire-client.js';
export type { CreateOptions, Sora2Client } from './sora2-wire-client.js';
export type {
  ContractFetch,
  DialectEndpoint,
  EmulatorControlCall,
  EndpointRequest,
  Target,
  TargetCapabilities,
} from './target.js';
export type { RecordedExchange, WireErrorBody, WireResponse, WireSchema } from './wire-response.js';
