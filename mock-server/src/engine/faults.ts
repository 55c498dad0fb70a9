/**
 * Engine-level faults the control API sets: failures at a progress, moderation words, retired
 * models. Latency and per-route HTTP faults belong to the HTTP layer, not here.
 * @module
 */

import { InvalidConfigError } from './errors.js';
import type { JobFailure, JobKind } from './job-record.js';

/** Which creates a failure rule applies to; every given field must match. */
export interface FailureMatch {
  /** Case-insensitive substring of the prompt. */
  readonly promptIncludes?: string;
  /** Exact model / deployment name. */
  readonly model?: string;
  /** Exact credential partition. */
  readonly partition?: string;
  /** API family. */
  readonly kind?: JobKind;
}

/** Makes matching jobs fail at a progress with a code and message. */
export interface FailureRule {
  /** Progress 0..100 at which the job fails (0: as running starts). */
  readonly progress: number;
  /** Failure code (default `internal_error`; Sora 1 renders it as `failure_reason`). */
  readonly code?: string;
  /** Failure message (default: a generic internal-error message). */
  readonly message?: string;
  /** OpenAI `Video.error.type`, the original error's type (default `server_error`; null: none recorded). */
  readonly type?: string | null;
  /** OpenAI `Video.error.param`, the request field the error concerns (default null). */
  readonly param?: string | null;
  /** OpenAI `Video.error.headers`, e.g. `{ "retry-after": "30" }` (default: none). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Which creates it applies to (default: all). */
  readonly match?: FailureMatch;
  /** How many jobs it still applies to (default: unlimited). Decremented per matching create. */
  readonly times?: number;
}

/** A model answering as if shut down. */
export interface RetiredModel {
  /** Model id or deployment name. */
  readonly model: string;
  /** HTTP status the dialect answers (default 404). */
  readonly status: 404 | 410;
  /** Message override. */
  readonly message?: string;
}

/** A whole service (dialect) answering as shut down, on every route. */
export interface RetiredService {
  /** The service id (a backend id: `openai-sora2`, `azure-sora2`, `azure-sora1`); opaque here. */
  readonly service: string;
  /** HTTP status the dialect answers (default 404). */
  readonly status: 404 | 410;
  /** Message override (default: the dialect's shutdown text). */
  readonly message?: string;
}

/**
 * Names `retireModel` reads as whole services: the backend ids. No model or deployment is named
 * like one, so `retireModel('openai-sora2')` retires the OpenAI Sora 2 service.
 */
export const SERVICE_IDS: readonly string[] = ['openai-sora2', 'azure-sora2', 'azure-sora1'];

/** The whole fault configuration. */
export interface FaultConfig {
  /** Failure rules, first match wins. */
  readonly failures: readonly FailureRule[];
  /** Words that block a prompt (whole word, case-insensitive). */
  readonly moderationWords: readonly string[];
  /** Retired models. */
  readonly retiredModels: readonly RetiredModel[];
  /** Retired services. */
  readonly retiredServices: readonly RetiredService[];
}

/** What a create is matched on. */
export interface FaultSubject {
  /** The prompt. */
  readonly prompt: string;
  /** The model. */
  readonly model: string;
  /** The partition. */
  readonly partition: string;
  /** The family. */
  readonly kind: JobKind;
}

/** Reads and changes the fault configuration at runtime. */
export interface FaultController {
  /** The current configuration (failure rules with their remaining `times`). */
  get(): FaultConfig;
  /** Replaces the given sections; omitted sections stay. @throws InvalidConfigError */
  set(config: Partial<FaultConfig>): FaultConfig;
  /** Removes every fault. */
  clear(): void;
  /** Appends a failure rule. @throws InvalidConfigError */
  addFailure(rule: FailureRule): void;
  /** Replaces the moderation words. */
  setModerationWords(words: readonly string[]): void;
  /** Marks a model retired (status default 404); a service id ({@link SERVICE_IDS}) retires the service. */
  retireModel(model: string, options?: { status?: 404 | 410; message?: string }): void;
  /** Un-retires a model (or a service, given its id). */
  restoreModel(model: string): void;
  /** The retirement of `model`, if retired. */
  retirement(model: string): RetiredModel | undefined;
  /** Marks a whole service retired: its dialect answers every route as shut down (status default 404). */
  retireService(service: string, options?: { status?: 404 | 410; message?: string }): void;
  /** Brings a retired service back. */
  restoreService(service: string): void;
  /** The retirement of `service`, if retired. */
  serviceRetirement(service: string): RetiredService | undefined;
  /** Finds the first failure rule matching `subject`, consumes one of its `times`, and returns its failure. */
  takeFailure(subject: FaultSubject): { progress: number; failure: JobFailure } | null;
}

/** The configuration with no faults. */
export const NO_FAULTS: FaultConfig = {
  failures: [],
  moderationWords: [],
  retiredModels: [],
  retiredServices: [],
};

const INTERNAL_ERROR_MESSAGE = 'The video generation failed due to an internal error.';

function validateRule(rule: FailureRule): FailureRule {
  if (!Number.isFinite(rule.progress) || rule.progress < 0 || rule.progress > 100) {
    throw new InvalidConfigError('failures.progress', 'failures: progress must be a number from 0 to 100');
  }
  if (rule.times !== undefined && (!Number.isSafeInteger(rule.times) || rule.times < 0)) {
    throw new InvalidConfigError('failures.times', 'failures: times must be a non-negative integer');
  }
  return { ...rule, progress: Math.floor(rule.progress) };
}

function validateRetired(entry: RetiredModel): RetiredModel {
  if (entry.status !== 404 && entry.status !== 410) {
    throw new InvalidConfigError('retiredModels.status', 'retiredModels: status must be 404 or 410');
  }
  return entry;
}

function validateRetiredService(entry: RetiredService): RetiredService {
  if (typeof entry.service !== 'string' || entry.service === '') {
    throw new InvalidConfigError(
      'retiredServices.service',
      'retiredServices: service must be a non-empty string',
    );
  }
  if (entry.status !== 404 && entry.status !== 410) {
    throw new InvalidConfigError('retiredServices.status', 'retiredServices: status must be 404 or 410');
  }
  return entry;
}

function matches(match: FailureMatch | undefined, subject: FaultSubject): boolean {
  if (match === undefined) return true;
  if (match.model !== undefined && match.model !== subject.model) return false;
  if (match.partition !== undefined && match.partition !== subject.partition) return false;
  if (match.kind !== undefined && match.kind !== subject.kind) return false;
  const needle = match.promptIncludes?.toLowerCase();
  return needle === undefined || subject.prompt.toLowerCase().includes(needle);
}

/**
 * Creates a fault controller.
 * @example
 * const faults = createFaultController();
 * faults.addFailure({ progress: 40, code: 'internal_error', match: { promptIncludes: 'storm' }, times: 1 });
 */
export function createFaultController(initial: Partial<FaultConfig> = {}): FaultController {
  let config: FaultConfig = NO_FAULTS;
  const controller: FaultController = {
    get: () => config,
    set(next) {
      config = {
        failures: next.failures ? next.failures.map(validateRule) : config.failures,
        moderationWords: next.moderationWords ? [...next.moderationWords] : config.moderationWords,
        retiredModels: next.retiredModels ? next.retiredModels.map(validateRetired) : config.retiredModels,
        retiredServices: next.retiredServices
          ? next.retiredServices.map(validateRetiredService)
          : config.retiredServices,
      };
      return config;
    },
    clear() {
      config = NO_FAULTS;
    },
    addFailure(rule) {
      config = { ...config, failures: [...config.failures, validateRule(rule)] };
    },
    setModerationWords(words) {
      config = { ...config, moderationWords: [...words] };
    },
    retireModel(model, options = {}) {
      if (SERVICE_IDS.includes(model)) {
        controller.retireService(model, options);
        return;
      }
      const entry = validateRetired({
        model,
        status: options.status ?? 404,
        ...(options.message === undefined ? {} : { message: options.message }),
      });
      config = {
        ...config,
        retiredModels: [...config.retiredModels.filter((m) => m.model !== model), entry],
      };
    },
    restoreModel(model) {
      if (SERVICE_IDS.includes(model)) {
        controller.restoreService(model);
        return;
      }
      config = { ...config, retiredModels: config.retiredModels.filter((m) => m.model !== model) };
    },
    retirement: (model) => config.retiredModels.find((m) => m.model === model),
    retireService(service, options = {}) {
      const entry = validateRetiredService({
        service,
        status: options.status ?? 404,
        ...(options.message === undefined ? {} : { message: options.message }),
      });
      config = {
        ...config,
        retiredServices: [...config.retiredServices.filter((s) => s.service !== service), entry],
      };
    },
    restoreService(service) {
      config = { ...config, retiredServices: config.retiredServices.filter((s) => s.service !== service) };
    },
    serviceRetirement: (service) => config.retiredServices.find((s) => s.service === service),
    takeFailure(subject) {
      const index = config.failures.findIndex((rule) => rule.times !== 0 && matches(rule.match, subject));
      const rule = config.failures[index];
      if (rule === undefined) return null;
      if (rule.times !== undefined) {
        const failures = [...config.failures];
        failures[index] = { ...rule, times: rule.times - 1 };
        config = { ...config, failures };
      }
      return {
        progress: rule.progress,
        failure: {
          code: rule.code ?? 'internal_error',
          message: rule.message ?? INTERNAL_ERROR_MESSAGE,
          type: rule.type === undefined ? 'server_error' : rule.type,
          param: rule.param ?? null,
          ...(rule.headers === undefined || Object.keys(rule.headers).length === 0
            ? {}
            : { headers: { ...rule.headers } }),
        },
      };
    },
  };
  controller.set(initial);
  return controller;
}
