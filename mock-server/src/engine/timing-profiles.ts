/**
 * The built-in timing profiles (`realistic`, `fast`) and how a timing spec (a profile name or
 * fields over one) is applied and checked.
 * @module
 */

import type { PhaseTiming, Sora2PhaseTiming, TimingConfig } from './job-timing.js';

/** The phase fields, in order. */
const PHASE_FIELDS = [
  'queuedMs',
  'preprocessingMs',
  'runningBaseMs',
  'runningMsPerMegapixelSecond',
  'processingMs',
] as const;

/** The five phase fields of `timing`, without `sora2` or `modelFactors`. */
function pickPhases(timing: PhaseTiming): PhaseTiming {
  const out: Record<string, number> = {};
  for (const key of PHASE_FIELDS) out[key] = timing[key];
  return out as unknown as PhaseTiming;
}

/** Names of the built-in timing profiles. */
export type TimingProfileName = 'realistic' | 'fast';

/** Every profile name, for validation and help texts. */
export const TIMING_PROFILE_NAMES: readonly TimingProfileName[] = ['realistic', 'fast'];

/**
 * `fast`: a 720x1280 4 s Sora 2 video settles about 1.8 s after create, a 1080p 20 s Sora 1 job
 * after about 6.1 s (the real clock's default: jobs finish while you watch).
 */
export const FAST_TIMING: TimingConfig = Object.freeze({
  queuedMs: 400,
  preprocessingMs: 300,
  runningBaseMs: 1000,
  runningMsPerMegapixelSecond: 100,
  processingMs: 300,
});

/**
 * `realistic`, calibrated to published timings (queue time included; see docs/emulator.md):
 * Azure Sora 2 720x1280 4 s about 67 s, sora-2 12 s about 120 s, sora-2-pro 2.6x (about 2.6 min
 * to 8.4 min); Azure Sora 1 480x480 5 s about 20 s, 1080x1080 5 s about 34 s. Every phase lasts
 * at least 5 s, so a client polling every 5 s (Sora 1) or 10-20 s (Sora 2) sees each state.
 * The manual clock's default.
 */
export const REALISTIC_TIMING: TimingConfig = Object.freeze({
  queuedMs: 5000,
  preprocessingMs: 5000,
  runningBaseMs: 1550,
  runningMsPerMegapixelSecond: 2990,
  processingMs: 5000,
  sora2: Object.freeze({ queuedMs: 10_000, runningBaseMs: 30_500, runningMsPerMegapixelSecond: 7190 }),
  modelFactors: Object.freeze({ 'sora-2-pro': 2.6 }),
});

/** The built-in profiles by name. */
export const TIMING_PROFILES: Readonly<Record<TimingProfileName, TimingConfig>> = Object.freeze({
  realistic: REALISTIC_TIMING,
  fast: FAST_TIMING,
});

/** The engine's default when nothing is configured: {@link FAST_TIMING}. */
export const DEFAULT_TIMING: TimingConfig = FAST_TIMING;

/** A timing given by name, or fields over a profile (`profile` default: the caller's base). */
export type TimingSpec =
  | TimingProfileName
  | (Partial<TimingConfig> & { readonly profile?: TimingProfileName });

/** True when `value` names a built-in profile. */
export function isTimingProfileName(value: unknown): value is TimingProfileName {
  return typeof value === 'string' && (TIMING_PROFILE_NAMES as readonly string[]).includes(value);
}

/**
 * Applies a spec over `base`: a name replaces it; fields replace the same fields (a top-level
 * field given without `sora2` applies to Sora 2 too). Values are not validated here.
 * @throws RangeError for an unknown profile name
 * @example
 * applyTiming(FAST_TIMING, 'realistic') === REALISTIC_TIMING;
 * applyTiming(REALISTIC_TIMING, { queuedMs: 0 }).sora2?.queuedMs; // undefined: 0 for every job
 */
export function applyTiming(base: TimingConfig, spec: TimingSpec | undefined): TimingConfig {
  if (spec === undefined) return base;
  if (typeof spec === 'string') {
    if (!isTimingProfileName(spec)) {
      throw new RangeError(
        `unknown timing profile '${String(spec)}'; use ${TIMING_PROFILE_NAMES.join(' or ')}`,
      );
    }
    return TIMING_PROFILES[spec];
  }
  const { profile, sora2, modelFactors, ...fields } = spec;
  const start = profile === undefined ? base : applyTiming(base, profile);
  let startSora2: Partial<Sora2PhaseTiming> | undefined = start.sora2;
  if (startSora2 !== undefined && sora2 === undefined) {
    const kept = Object.entries(startSora2).filter(([key]) => !Object.hasOwn(fields, key));
    startSora2 = kept.length === 0 ? undefined : Object.fromEntries(kept);
  }
  const mergedSora2 = sora2 === undefined ? startSora2 : { ...startSora2, ...sora2 };
  const factors = modelFactors ?? start.modelFactors;
  const result: TimingConfig = {
    ...pickPhases(start),
    ...fields,
    ...(mergedSora2 === undefined ? {} : { sora2: mergedSora2 }),
    ...(factors === undefined ? {} : { modelFactors: factors }),
  };
  return result;
}

/**
 * Every problem of a timing config, as `[field, message]` pairs (empty when valid): phase
 * fields finite and >= 0, model factors finite and > 0.
 */
export function timingProblems(timing: TimingConfig): [string, string][] {
  const problems: [string, string][] = [];
  const check = (field: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push([field, `${field} must be a finite number >= 0`]);
    }
  };
  for (const key of PHASE_FIELDS) check(`timing.${key}`, timing[key]);
  for (const [key, value] of Object.entries(timing.sora2 ?? {})) {
    if (
      !(PHASE_FIELDS as readonly string[]).includes(key) ||
      key === 'preprocessingMs' ||
      key === 'processingMs'
    ) {
      problems.push([`timing.sora2.${key}`, `timing.sora2.${key} is not a Sora 2 timing field`]);
    } else check(`timing.sora2.${key}`, value);
  }
  for (const [model, factor] of Object.entries(timing.modelFactors ?? {})) {
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
      problems.push([
        `timing.modelFactors.${model}`,
        `timing.modelFactors.${model} must be a finite number > 0`,
      ]);
    }
  }
  return problems;
}

/** The name of the profile `timing` equals, or `custom`. */
export function timingProfileOf(timing: TimingConfig): TimingProfileName | 'custom' {
  const same = (a: TimingConfig, b: TimingConfig) => JSON.stringify(a) === JSON.stringify(b);
  return (
    TIMING_PROFILE_NAMES.find((name) =>
      same(applyTiming(timing, {}), applyTiming(TIMING_PROFILES[name], {})),
    ) ?? 'custom'
  );
}
