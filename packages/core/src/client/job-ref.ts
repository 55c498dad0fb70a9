/**
 * What client methods accept to name a job, and the check that it belongs to the client.
 * @module
 */
import { ValidationError } from '../errors/index.js';
import type { BackendId } from '../types.js';
import { isHandle, type JobHandleSource, parseHandle } from './job-handle.js';

/** A job id, a handle string from `toHandle`, or a job (anything with `backend` and `id`). */
export type JobRef = string | JobHandleSource;

/** Who a client is, as far as handles are concerned. */
export interface JobOwner {
  backend: BackendId;
  scope: string | undefined;
}

/**
 * Refuses a job of another backend, or of another scope when both sides have one.
 * @throws {ValidationError} field `handle`.
 */
export function checkJobOwner(
  owner: JobOwner,
  job: { backend: BackendId; scope?: string | undefined },
  value: string,
): void {
  let problem: string | undefined;
  if (job.backend !== owner.backend) {
    problem = `the job belongs to ${job.backend}, but this client serves ${owner.backend}`;
  } else if (job.scope !== undefined && owner.scope !== undefined && job.scope !== owner.scope) {
    problem = `the job belongs to scope "${job.scope}", but this client's scope is "${owner.scope}"`;
  }
  if (problem) {
    throw new ValidationError({
      issues: [{ field: 'handle', value, backend: owner.backend, message: `handle: ${problem}` }],
    });
  }
}

/** The id (and known expiry) a reference names, after checking it belongs to `owner`. */
export function resolveJobRef(owner: JobOwner, ref: JobRef): { id: string; expiresAt: Date | undefined } {
  if (typeof ref === 'string') {
    if (!isHandle(ref)) return { id: ref, expiresAt: undefined };
    const handle = parseHandle(ref);
    checkJobOwner(owner, handle, ref);
    return { id: handle.id, expiresAt: handle.expiresAt };
  }
  checkJobOwner(owner, ref, ref.id);
  return { id: ref.id, expiresAt: ref.expiresAt };
}
