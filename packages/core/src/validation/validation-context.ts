import type { Capabilities } from '../capabilities/capabilities.js';
import { type AllowedValues, formatAllowed } from '../errors/validation-error.js';

/** A problem found by a capability check, before it becomes a zod issue. */
export interface CapabilityIssue {
  /** Path inside the request, e.g. `['inputs', 0, 'crop', 'left']` or `['prompt.length']`. */
  path: (string | number)[];
  value: unknown;
  allowed?: AllowedValues;
  message: string;
}

/** Writes a path as `inputs[0].crop.left`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result === '' ? 'request' : result;
}

/** Shows a value in a message: strings raw, numbers as written, anything else as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `openai-sora2 (sora-2)`. */
export function target(capabilities: Capabilities): string {
  return `${capabilities.backend} (${capabilities.model})`;
}

/**
 * `seconds: 7 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12`, with an optional
 * qualifier after the target (e.g. ` for size 1280x720`).
 */
export function notAllowed(
  path: (string | number)[],
  value: unknown,
  allowed: AllowedValues,
  capabilities: Capabilities,
  qualifier = '',
): CapabilityIssue {
  return {
    path,
    value,
    allowed,
    message: `${formatPath(path)}: ${describeValue(value)} is not allowed on ${target(capabilities)}${qualifier}; allowed: ${formatAllowed(allowed)}`,
  };
}
