/**
 * `@sora-kit/emulator`: a local emulator of the Sora video APIs.
 * @module
 */
export { createEmulatorApp } from './app.js';
export type { Clock, ClockMode, ControllableClock } from './clock/index.js';
export { createClock, createManualClock, createRealClock } from './clock/index.js';
export {
  type ClockChange,
  type ClockInfo,
  type ControlOperations,
  type ControlRoutesTarget,
  controlOpenApiDocument,
  createControlRoutes,
  createFaultMiddleware,
  type FaultsView,
  type HealthInfo,
  type HttpFaultStore,
  type LatencyFault,
  type RouteFault,
} from './control/index.js';
export { createSora2Routes } from './dialects/sora2/index.js';
export {
  createEmulator,
  type Emulator,
  type EmulatorContext,
  type EmulatorServer,
} from './emulator.js';
export {
  createEmulatorControl,
  type EmulatorControl,
  type EmulatorControlParts,
} from './emulator-control.js';
export {
  DEFAULT_DEPLOYMENTS,
  DEFAULT_LIMITS,
  type EmulatorCapabilityOptions,
  type EmulatorLimits,
  type EmulatorOptions,
  type LogLevel,
  type ResolvedEmulatorOptions,
  resolveEmulatorOptions,
} from './emulator-options.js';
export {
  createEngine,
  type Engine,
  EngineError,
  type EngineOptions,
  type EngineSnapshot,
  type FailureRule,
  type FaultConfig,
  type FaultController,
  InvalidCursorError,
  InvalidStateError,
  JobNotFoundError,
  type JobPhase,
  type JobRecord,
  type JobView,
  ModelRetiredError,
  parseQuotaSpec,
  QuotaExceededError,
  type QuotaPolicy,
  type TimingConfig,
} from './engine/index.js';
export {
  type AuthResult,
  authenticate,
  BodyError,
  bodyEncoding,
  createRenderCache,
  type EmulatorEnv,
  type HostFamily,
  openAIErrorBody,
  partitionOf,
  type RenderCache,
  type RenderRequest,
  readBodyBytes,
  readCredential,
  readFormBody,
  readJsonBody,
  requestIdMiddleware,
  WireError,
} from './http/index.js';
export {
  createMemoryStore,
  type EmulatorPersistence,
  type JobStore,
  type PersistedState,
} from './store/index.js';
export {
  signWebhook,
  type VideoWebhookEvent,
  type WebhookDelivery,
  type WebhookSignatureHeaders,
} from './webhooks/index.js';
