/**
 * `@sora-kit/emulator/browser`: the emulator without its Node server, for a browser page, a
 * service worker (MSW's `setupWorker`) or any runtime with `fetch`. Nothing reachable from here
 * imports a `node:` module (`browser-entry.test.ts` bundles it for the browser to prove it).
 * `@sora-kit/emulator` exports all of this too, plus `createEmulator` with `listen`.
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
export type { EmulatorContext } from './emulator-context.js';
export {
  createEmulatorControl,
  type EmulatorControl,
  type EmulatorControlParts,
} from './emulator-control.js';
export { createEmulatorCore, type EmulatorCore, type EmulatorHost } from './emulator-core.js';
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
  FAST_TIMING,
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
  REALISTIC_TIMING,
  TIMING_PROFILE_NAMES,
  type TimingConfig,
  type TimingProfileName,
  type TimingSpec,
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
  UploadedFile,
  UploadForm,
  WireError,
} from './http/index.js';
export {
  type CharacterClip,
  type CharacterRecord,
  type CharacterStore,
  createMemoryCharacterStore,
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
