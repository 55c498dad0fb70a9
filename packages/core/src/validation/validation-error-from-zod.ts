import type { z } from 'zod';
import type { Capabilities } from '../capabilities/capabilities.js';
import { type AllowedValues, ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { describeValue, formatPath, target } from './validation-context.js';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns zod issues into one {@link ValidationError}: capability issues keep their value, allowed
 * values and message; shape issues (wrong types, missing fields) name the field, the value and
 * what zod expected.
 */
export function validationErrorFromZod(
  error: z.ZodError,
  input: unknown,
  capabilities: Capabilities,
): ValidationError {
  const issues: ValidationIssue[] = error.issues.map((issue) => {
    const field = formatPath(issue.path);
    const params =
      issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const base = { field, backend: capabilities.backend, model: capabilities.model };
    if (params?.capability === true) {
      const allowed = params.allowed as AllowedValues | undefined;
      return { ...base, value: params.value, message: issue.message, ...(allowed ? { allowed } : {}) };
    }
    const value = valueAt(input, issue.path);
    return {
      ...base,
      value,
      message: `${field}: ${typeof value === 'string' ? JSON.stringify(value) : describeValue(value)} is not valid on ${target(capabilities)}; ${issue.message}`,
    };
  });
  return new ValidationError({ issues, cause: error });
}
