/**
 * Serialisable job handles: a string that names the backend (and optionally the client scope) of a
 * job, so a job can be resumed after a restart and never sent to the wrong backend.
 * @module
 */
import { ValidationError } from '../errors/index.js';
import type { BackendId } from '../types.js';

/** Prefix and version of every handle string. */
export const HANDLE_PREFIX = 'sora-kit:v1:';

/** What a handle names. */
export interface JobHandle {
  /** The backend the job lives on. */
  backend: BackendId;
  /** The backend's job id. */
  id: string;
  /**
   * Which client (Azure resource, account) created it, when the client was given a `scope`; a client
   * with another scope refuses the handle.
   */
  scope?: string;
  /** When the job's outputs expire, when known; lets a later 404 be reported as expired. */
  expiresAt?: Date;
}

/** A job or anything that names one: `{ backend, id }` plus the optional handle fields. */
export type JobHandleSource = Pick<JobHandle, 'backend' | 'id'> & {
  scope?: string | undefined;
  expiresAt?: Date | undefined;
};

/**
 * Turns a job (or `{ backend, id }`) into a handle string such as
 * `sora-kit:v1:azure-sora1:task_01?expires=1760714196`. Backend and id are percent-encoded, so any
 * backend id (the three Sora ones, or one a provider brings) round-trips.
 *
 * @example
 * ```ts
 * const handle = toHandle(job); // store it anywhere
 * const finished = await client.wait(handle); // after a restart
 * ```
 */
export function toHandle(job: JobHandleSource): string {
  if (typeof job.backend !== 'string' || job.backend === '')
    throw handleError(String(job.backend), 'a job handle needs a backend id');
  if (!job.id) throw handleError('', 'a job handle needs a job id');
  const query = new URLSearchParams();
  if (job.scope) query.set('scope', job.scope);
  if (job.expiresAt && Number.isFinite(job.expiresAt.getTime())) {
    query.set('expires', String(Math.floor(job.expiresAt.getTime() / 1000)));
  }
  const tail = query.toString() ? `?${query.toString()}` : '';
  return `${HANDLE_PREFIX}${encodeURIComponent(job.backend)}:${encodeURIComponent(job.id)}${tail}`;
}

/** Whether `value` looks like a handle (starts with `sora-kit:`) rather than a bare job id. */
export function isHandle(value: string): boolean {
  return value.startsWith('sora-kit:');
}

/**
 * Reads a handle made by {@link toHandle}.
 * @throws {ValidationError} (field `handle`) when the string is not a valid handle.
 */
export function parseHandle(handle: string): JobHandle {
  if (!handle.startsWith(HANDLE_PREFIX)) {
    throw handleError(handle, `not a sora-kit v1 job handle (expected "${HANDLE_PREFIX}<backend>:<id>")`);
  }
  const rest = handle.slice(HANDLE_PREFIX.length);
  const queryStart = rest.indexOf('?');
  const path = queryStart < 0 ? rest : rest.slice(0, queryStart);
  const separator = path.indexOf(':');
  if (separator <= 0) {
    throw handleError(handle, `the job handle names no backend (expected "${HANDLE_PREFIX}<backend>:<id>")`);
  }
  let backend: string;
  let id: string;
  try {
    backend = decodeURIComponent(path.slice(0, separator));
    id = decodeURIComponent(path.slice(separator + 1));
  } catch {
    throw handleError(handle, 'the backend or job id in the handle is not valid percent-encoding');
  }
  if (!id) throw handleError(handle, 'the job handle has no job id');
  const result: JobHandle = { backend, id };
  const query = new URLSearchParams(queryStart < 0 ? '' : rest.slice(queryStart + 1));
  const scope = query.get('scope');
  if (scope) result.scope = scope;
  const expires = Number(query.get('expires') ?? Number.NaN);
  if (Number.isFinite(expires)) result.expiresAt = new Date(expires * 1000);
  return result;
}

function handleError(value: string, message: string): ValidationError {
  return new ValidationError({ issues: [{ field: 'handle', value, message: `handle: ${message}` }] });
}
