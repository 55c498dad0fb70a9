/**
 * `node:util` parseArgs for one subcommand, with the global flags every subcommand accepts.
 * @module
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BACKEND_IDS, isSoraBackend, type SoraBackendId, ValidationError } from '@sora-kit/core';
import { UsageError } from './usage-error.js';

/** Flags every subcommand accepts. */
export const GLOBAL_OPTIONS = {
  backend: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  data: { type: 'string' },
  'no-persist': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The global flags, parsed. */
export interface GlobalFlags {
  /** `--backend`, checked against the backend ids. */
  backend: SoraBackendId | undefined;
  /** `--json`: one JSON document on stdout, no progress. */
  json: boolean;
  /** `--quiet`: nothing on stderr but errors. */
  quiet: boolean;
  /** `--data DIR`: the embedded emulator's data directory. */
  data: string | undefined;
  /** `--no-persist`: the embedded emulator keeps its state in memory. */
  noPersist: boolean;
  /** `--help`. */
  help: boolean;
}

/** A subcommand's own option table (`node:util` parseArgs options). */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** The values of a subcommand's own flags, typed from its option table. */
export type FlagValues<O extends CommandOptions> = {
  [K in keyof O]?: O[K] extends { multiple: true }
    ? O[K] extends { type: 'boolean' }
      ? boolean[]
      : string[]
    : O[K] extends { type: 'boolean' }
      ? boolean
      : string;
};

/** How many positional arguments a subcommand takes, and what to call them in messages. */
export interface PositionalRule {
  /** Fewest. */
  min: number;
  /** Most. */
  max: number;
  /** What they are, for "missing ..." (e.g. `the job ID`). */
  names: string;
}

/** What {@link parseCommandArgs} returns. */
export interface ParsedCommand<O extends CommandOptions> {
  /** The subcommand's own flags. */
  values: FlagValues<O>;
  /** Positional arguments. */
  positionals: string[];
  /** The global flags. */
  global: GlobalFlags;
}

/**
 * Parses `argv` (the arguments after the subcommand) with the subcommand's `options` plus the
 * global ones; unknown flags and wrong positional counts throw {@link UsageError}.
 * @example
 * const { values, positionals, global } = parseCommandArgs('status', argv, {}, { min: 1, max: 1 });
 */
export function parseCommandArgs<const O extends CommandOptions>(
  command: string,
  argv: string[],
  options: O,
  positionals: PositionalRule,
): ParsedCommand<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // One wording for every unknown flag, as the top level and sora-emulator say it.
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
    throw new UsageError(
      unknown ? `unknown flag "${unknown[1]}"` : firstSentence((error as Error).message),
      command,
    );
  }
  const values = parsed.values;
  const global: GlobalFlags = {
    backend: checkBackend(values.backend as string | undefined),
    json: values.json === true,
    quiet: values.quiet === true,
    data: checkData(values.data as string | undefined, values['no-persist'] === true, command),
    noPersist: values['no-persist'] === true,
    help: values.help === true,
  };
  if (!global.help) {
    const count = parsed.positionals.length;
    if (count < positionals.min) throw new UsageError(`missing ${positionals.names}`, command);
    if (count > positionals.max)
      throw new UsageError(
        `unexpected argument "${parsed.positionals[positionals.max]}"${positionals.max === 0 ? '' : ` (expected ${positionals.names}; quote a prompt with spaces)`}`,
        command,
      );
  }
  return { values: values as FlagValues<O>, positionals: parsed.positionals, global };
}

function checkData(data: string | undefined, noPersist: boolean, command: string): string | undefined {
  if (data !== undefined && data.trim() === '') throw new UsageError('--data must not be empty', command);
  if (data !== undefined && noPersist) throw new UsageError('give --data or --no-persist, not both', command);
  return data;
}

/**
 * Checks `--backend`.
 * @throws {ValidationError} (field `backend`) naming the allowed backends.
 */
export function checkBackend(value: string | undefined): SoraBackendId | undefined {
  if (value === undefined) return undefined;
  if (isSoraBackend(value)) return value;
  throw new ValidationError({
    issues: [
      {
        field: 'backend',
        value,
        allowed: [...BACKEND_IDS],
        message: `backend: "${value}" is not a sora-kit backend; allowed: ${BACKEND_IDS.join(', ')}`,
      },
    ],
  });
}

/**
 * Reads a whole-number flag.
 * @throws {ValidationError} naming the field when `text` is not an integer (or is below `min`).
 */
export function integerFlag(field: string, text: string | undefined, min?: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || (min !== undefined && value < min)) {
    // The allowed range is added once, by whoever prints the issue ("; allowed: >= 1").
    throw new ValidationError({
      issues: [
        {
          field,
          value: text,
          ...(min === undefined ? {} : { allowed: { min } }),
          message: `${field}: "${text}" ${Number.isInteger(value) && text.trim() !== '' ? 'is too small' : 'is not a whole number'}`,
        },
      ],
    });
  }
  return value;
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  const end = line.indexOf('. ');
  return end < 0 ? line : line.slice(0, end);
}

/**
 * Reads `--timeout SECONDS` into milliseconds.
 * @throws {ValidationError} (field `timeout`) when it is not a number > 0.
 */
export function timeoutFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new ValidationError({
      issues: [
        { field: 'timeout', value: text, message: `timeout: "${text}" is not a number of seconds > 0` },
      ],
    });
  }
  return Math.round(seconds * 1000);
}
