export { type BuildContext, buildJobRecord, validateJobInput } from './build-job-record.js';
export {
  type CharacterService,
  type CreateCharacterInput,
  createCharacterService,
} from './character-service.js';
export { createEngine } from './create-engine.js';
export type {
  CreateJobInput,
  DeleteJobResult,
  EditJobInput,
  Engine,
  EngineOptions,
  EngineSettings,
  EngineSettingsChange,
  EngineSnapshot,
  ExtendJobInput,
  RemixJobInput,
  SettledJobEvent,
} from './engine.js';
export {
  type AnyEngineError,
  CharacterNotFoundError,
  EngineError,
  type EngineErrorCode,
  InvalidConfigError,
  InvalidCursorError,
  InvalidJobInputError,
  InvalidStateError,
  JobNotFoundError,
  ModelRetiredError,
  QuotaExceededError,
  ServiceRetiredError,
} from './errors.js';
export {
  createFaultController,
  type FailureMatch,
  type FailureRule,
  type FaultConfig,
  type FaultController,
  type FaultSubject,
  NO_FAULTS,
  type RetiredModel,
  type RetiredService,
  SERVICE_IDS,
} from './faults.js';
export { createIdSource, type IdSource, type IdSourceOptions, type IdStreamPositions } from './id-source.js';
export { isSettledPhase, JOB_PHASES, type JobPhase, type SettledPhase } from './job-phase.js';
export type {
  ExpiryBasis,
  JobCharacter,
  JobFailure,
  JobInput,
  JobInputCrop,
  JobKind,
  JobLineage,
  JobOutcome,
  JobPlan,
  JobRecord,
  JobSegment,
  JsonValue,
} from './job-record.js';
export { deriveJobState, type GoneJobState, type JobState, type PresentJobState } from './job-state.js';
export { type JobTimeline, jobTimeline } from './job-timeline.js';
export {
  type JobWork,
  megapixelSeconds,
  type PhaseDurations,
  type PhaseTiming,
  planDurations,
  type Sora2PhaseTiming,
  type TimingConfig,
} from './job-timing.js';
export { type GenerationView, type JobView, toJobView } from './job-view.js';
export { DEFAULT_LIST_LIMIT, type JobPage, type ListJobsOptions, listJobs } from './list-jobs.js';
export { findModeratedWord, moderationFailure } from './moderation.js';
export { checkQuota } from './quota-check.js';
export { DEFAULT_QUOTA, parseQuotaSpec, type QuotaPolicy, validateQuotaPolicy } from './quota-policy.js';
export {
  createSeededRandom,
  type ResumableRandom,
  type SeededRandom,
  type SeededRandomState,
} from './seeded-random.js';
export {
  applyTiming,
  DEFAULT_TIMING,
  FAST_TIMING,
  isTimingProfileName,
  REALISTIC_TIMING,
  TIMING_PROFILE_NAMES,
  TIMING_PROFILES,
  type TimingProfileName,
  type TimingSpec,
  timingProblems,
  timingProfileOf,
} from './timing-profiles.js';
