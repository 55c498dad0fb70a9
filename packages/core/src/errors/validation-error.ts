import type { BackendId } from '../types.js';
import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.ValidationError';
const symbol = Symbol.for(marker);

/** An inclusive numeric range, e.g. seconds 1..20; an absent bound is open. */
export interface NumberRange {
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
}

/** What a field accepts: a list of values or an inclusive range. */
export type AllowedValues = readonly (string | number)[] | NumberRange;

/** One problem with one field of a request. */
export interface ValidationIssue {
  /** Path of the field, e.g. `seconds`, `inputs[1].crop.left`. */
  field: string;
  /** The value that was given. */
  value: unknown;
  /** What the field accepts, when it can be listed. */
  allowed?: AllowedValues;
  /** The backend the request was checked against. */
  backend?: BackendId;
  /** The model the request was checked against. */
  model?: string;
  /** Full sentence, e.g. `seconds: 7 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12`. */
  message: string;
}

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions {
  /** At least one issue; the first one fills `field`, `value`, `allowed` and `backend`. */
  issues: readonly ValidationIssue[];
  /** The underlying error (the zod error), if any. */
  cause?: unknown;
}

/**
 * A request does not fit the backend's capabilities. Thrown before anything is sent.
 * `field`, `value`, `allowed` and `backend` describe the first issue; `issues` lists all of them.
 */
export class ValidationError extends SoraKitError {
  protected readonly [symbol] = true;
  /** Every problem found, in field order. */
  readonly issues: readonly ValidationIssue[];
  /** Field of the first issue. */
  readonly field: string;
  /** Value of the first issue. */
  readonly value: unknown;
  /** Allowed values of the first issue. */
  readonly allowed: AllowedValues | undefined;
  /** Backend of the first issue. */
  readonly backend: BackendId | undefined;

  constructor({ issues, cause }: ValidationErrorOptions) {
    const first = issues[0];
    super({
      message: issues.length === 0 ? 'invalid request' : issues.map((issue) => issue.message).join('; '),
      cause,
    });
    this.name = 'ValidationError';
    this.issues = issues;
    this.field = first?.field ?? '';
    this.value = first?.value;
    this.allowed = first?.allowed;
    this.backend = first?.backend;
  }

  /** True when `error` is a {@link ValidationError} from any copy of the package. */
  static override isInstance(error: unknown): error is ValidationError {
    return SoraKitError.hasMarker(error, marker);
  }
}

/** Renders allowed values for a message: `4, 8, 12`, `1..20`, `1` (a range of one), `>= 1` or `<= 5`. */
export function formatAllowed(allowed: AllowedValues): string {
  if (Array.isArray(allowed)) return allowed.length === 0 ? 'none' : allowed.join(', ');
  const { min, max } = allowed as NumberRange;
  if (min !== undefined && max !== undefined) return min === max ? `${min}` : `${min}..${max}`;
  if (min !== undefined) return `>= ${min}`;
  return max === undefined ? 'any' : `<= ${max}`;
}
