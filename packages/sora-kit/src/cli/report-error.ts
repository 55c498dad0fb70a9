/**
 * Turns any error into an exit code and a message (`sora-kit: ...` on stderr) or, with `--json`,
 * an `{ "error": { "type", "message", ... } }` document on stdout.
 * @module
 */
import {
  AbortedError,
  BACKEND_IDS,
  formatAllowed,
  JobFailedError,
  QuotaExceededError,
  ServiceRetiredError,
  SoraKitError,
  TimeoutError,
  UnsupportedCapabilityError,
  ValidationError,
  VideoApiError,
} from '@sora-kit/core';
import type { CliIo } from './cli-io.js';
import { hintOf } from './error-hint.js';
import { EXIT_CODES } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/** The exit code of an error (see {@link EXIT_CODES}). */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || ValidationError.isInstance(error)) return EXIT_CODES.usage;
  if (UnsupportedCapabilityError.isInstance(error)) return EXIT_CODES.usage;
  if (TimeoutError.isInstance(error)) return EXIT_CODES.timeout;
  if (AbortedError.isInstance(error)) return EXIT_CODES.aborted;
  return EXIT_CODES.failed;
}

/** The JSON form of an error: its type, message and the fields that explain it. */
export function errorToJson(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: 'Error', message: String(error) };
  const body: Record<string, unknown> = { type: error.name, message: error.message };
  if (ValidationError.isInstance(error)) {
    Object.assign(body, { field: error.field, value: error.value, allowed: error.allowed });
    if (error.backend) body.backend = error.backend;
    if (error.issues.length > 1) body.issues = error.issues;
  } else if (UnsupportedCapabilityError.isInstance(error)) {
    Object.assign(body, { backend: error.backend, capability: error.capability });
  } else if (JobFailedError.isInstance(error)) {
    Object.assign(body, { jobId: error.jobId, code: error.code, moderation: error.moderation });
    if (error.type !== undefined) body.errorType = error.type;
    if (error.param !== undefined) body.param = error.param;
    if (error.retryAfterMs !== undefined) body.retryAfterMs = error.retryAfterMs;
  } else if (VideoApiError.isInstance(error)) {
    Object.assign(body, {
      status: error.status,
      code: error.code,
      param: error.param,
      requestId: error.requestId,
      backend: error.backend,
    });
    if (QuotaExceededError.isInstance(error)) body.reason = error.reason;
    if (ServiceRetiredError.isInstance(error)) {
      body.retired = true;
      body.remainingBackends = BACKEND_IDS.filter((backend) => backend !== error.backend);
    }
  } else if (TimeoutError.isInstance(error)) {
    Object.assign(body, { timeoutMs: error.timeoutMs, jobId: error.jobId });
  } else if (AbortedError.isInstance(error)) {
    body.jobId = error.jobId;
  }
  const hint = hintOf(error);
  if (hint !== undefined) body.hint = hint;
  return body;
}

/** The one-line (or few-line) human message of an error, with its hint (if any) on the last line. */
export function errorMessage(error: unknown): string {
  const hint = hintOf(error);
  const message = bareErrorMessage(error);
  return hint === undefined ? message : `${message}\n${hint}`;
}

function bareErrorMessage(error: unknown): string {
  if (error instanceof UsageError) {
    const help = error.command ? `sora-kit ${error.command} --help` : 'sora-kit --help';
    return `${error.message}\nRun "${help}" for usage.`;
  }
  if (ValidationError.isInstance(error)) {
    const lines = error.issues.map((issue) =>
      issue.allowed === undefined || issue.message.includes('allowed')
        ? issue.message
        : `${issue.message}; allowed: ${formatAllowed(issue.allowed)}`,
    );
    return lines.join('\n');
  }
  if (JobFailedError.isInstance(error)) return `job ${error.jobId} failed (${error.code}): ${error.message}`;
  if (ServiceRetiredError.isInstance(error) && error.backend !== undefined) {
    const remaining = BACKEND_IDS.filter((backend) => backend !== error.backend);
    return `${error.backend} is retired: ${error.message} Remaining backends: ${remaining.join(', ')} (--backend ID).`;
  }
  if (VideoApiError.isInstance(error)) {
    const where =
      error.status === 0 ? 'network error' : `HTTP ${error.status}${error.code ? ` ${error.code}` : ''}`;
    const id = error.requestId ? ` (request id ${error.requestId})` : '';
    return `${where}: ${error.message}${id}`;
  }
  if (SoraKitError.isInstance(error) || error instanceof Error) return error.message;
  return String(error);
}

/**
 * Reports `error` (with `extra` fields in the JSON form, e.g. the job handle) and returns the exit code.
 * @example
 * catch (error) { return reportError(error, io, { json: true }); }
 */
export function reportError(
  error: unknown,
  io: Pick<CliIo, 'stdout' | 'stderr'>,
  flags: { json: boolean },
  extra: Record<string, unknown> = {},
): number {
  if (flags.json)
    io.stdout.write(`${JSON.stringify({ error: { ...errorToJson(error), ...extra } }, null, 2)}\n`);
  else io.stderr.write(`sora-kit: ${errorMessage(error)}\n`);
  return exitCodeOf(error);
}
