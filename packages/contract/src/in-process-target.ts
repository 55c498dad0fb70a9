/**
 * The emulator in the same process: no socket, a manual clock, requests go to `app.fetch`.
 * @module
 */
import { createEmulator, DEFAULT_DEPLOYMENTS, type Emulator, type EmulatorOptions } from '@sora-kit/emulator';
import type { ContractDialect } from './contract-dialect.js';
import { emulatorTarget } from './emulator-target.js';
import type { Target } from './target.js';

/** Options of `inProcessTarget`. */
export interface InProcessTargetOptions {
  /** Name in reports (default `inprocess`). */
  readonly name?: string;
  /** Seed of the emulator's ids (default `sora-kit-contract`). */
  readonly seed?: string | number;
  /** Further emulator options; `clock` defaults to `manual` and `logLevel` to `silent`. */
  readonly emulatorOptions?: EmulatorOptions;
  /** An emulator you built yourself (then `seed` and `emulatorOptions` are ignored). */
  readonly emulator?: Emulator;
  /** Dialects to exercise (default all three). */
  readonly dialects?: readonly ContractDialect[];
}

/** A target over an in-process emulator; `emulator` is exposed for your own assertions. */
export interface InProcessTarget extends Target {
  /** The emulator the target drives. */
  readonly emulator: Emulator;
}

/**
 * Creates an emulator with a manual clock and strict Azure deployments (`sora`, `sora-2`,
 * `sora-2-pro`) and wraps it as a target.
 * @example
 * const report = await runContract({ targets: [inProcessTarget({ seed: 1 })] });
 */
export function inProcessTarget(options: InProcessTargetOptions = {}): InProcessTarget {
  const emulator =
    options.emulator ??
    createEmulator({
      clock: 'manual',
      logLevel: 'silent',
      // Strict deployments, as on a real Azure resource: an unknown name is a 404.
      deployments: DEFAULT_DEPLOYMENTS,
      ...options.emulatorOptions,
      seed: options.seed ?? options.emulatorOptions?.seed ?? 'sora-kit-contract',
    });
  const apiKey = emulator.options.apiKey;
  const target = emulatorTarget({
    name: options.name ?? 'inprocess',
    origin: 'http://emulator.invalid',
    fetch: async (request) => emulator.app.fetch(request),
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.dialects === undefined ? {} : { dialects: options.dialects }),
  });
  return { ...target, emulator };
}
