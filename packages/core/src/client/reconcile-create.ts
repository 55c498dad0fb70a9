/**
 * Create reconciliation: when a create's answer is lost (connection reset or timeout after the
 * request went out, a 5xx without the service's error body), look at the credential's recent jobs
 * and adopt the one the create started, instead of blindly retrying (a duplicate, billed twice) or
 * failing (an orphan, billed and never downloaded).
 * @module
 */
import { VideoApiError } from '../errors/index.js';
import type { MediaInput, VideoJob } from '../types.js';
import { parseSize } from '../validation/index.js';
import type { ClientRuntime } from './client-runtime.js';

/** Clock skew allowed between this host and the service when reading `createdAt` (ms). */
export const RECONCILE_SKEW_MS = 30_000;
const PAGE_SIZE = 20;
const MAX_PAGES = 5;

/** What a create asked for, to recognise its job in a listing. */
export interface CreateMatch {
  prompt: string;
  size?: unknown;
  seconds?: number | undefined;
  variants?: number | undefined;
  model?: string | undefined;
  /** Remix: the source job. */
  remixedFromId?: string | undefined;
  /** Create: the inputs sent (compared through the provider's `inputsFingerprint`). */
  inputs?: readonly MediaInput[] | undefined;
}

/** What the listing said. */
export type ReconcileOutcome =
  | { kind: 'adopted'; job: VideoJob }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidateIds: string[] }
  | { kind: 'unreadable'; error: unknown };

/**
 * Whether an error leaves open whether the service started the job: a network failure or timeout
 * (status 0), or a 5xx whose body is not the service's own error envelope (a proxy's page or nothing).
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (!VideoApiError.isInstance(error)) return false;
  if (error.status === 0) return true;
  if (error.status < 500) return false;
  const body = error.body;
  const hasEnvelope =
    body !== null &&
    typeof body === 'object' &&
    typeof (body as { error?: unknown }).error === 'object' &&
    (body as { error?: unknown }).error !== null;
  return !hasEnvelope;
}

/**
 * Whether `job` is what `match` would have created. With `inputsFingerprint` (the provider's
 * fingerprint of `match.inputs`), a job whose object shows other inputs does not match; a job
 * that shows none (undefined) is not ruled out by its inputs.
 */
export function jobMatches(job: VideoJob, match: CreateMatch, inputsFingerprint?: string): boolean {
  if (
    inputsFingerprint !== undefined &&
    job.inputsFingerprint !== undefined &&
    job.inputsFingerprint !== inputsFingerprint
  ) {
    return false;
  }
  if (job.prompt !== undefined && job.prompt !== match.prompt) return false;
  const size = match.size === undefined ? undefined : parseSize(match.size as never);
  if (size && (job.width !== size.width || job.height !== size.height)) return false;
  if (match.seconds !== undefined && job.seconds !== match.seconds) return false;
  if (match.variants !== undefined && job.variants !== match.variants) return false;
  if (match.model !== undefined && job.model !== undefined && job.model !== match.model) return false;
  if (match.remixedFromId !== undefined && job.remixedFromId !== match.remixedFromId) return false;
  return job.prompt !== undefined;
}

/**
 * Lists the jobs created since `startedAt` (less the allowed skew), newest first, skipping jobs
 * this client already knows, and says which of them match: prompt, size, seconds, variants,
 * model, remix source and, where the backend's job objects show them, the inputs.
 */
export async function reconcileCreate(
  runtime: ClientRuntime,
  match: CreateMatch,
  startedAt: number,
  signal: AbortSignal,
): Promise<ReconcileOutcome> {
  const since = startedAt - RECONCILE_SKEW_MS;
  const candidates: VideoJob[] = [];
  let cursor: string | undefined;
  try {
    const fingerprintOf = runtime.provider.inputsFingerprint?.bind(runtime.provider);
    const fingerprint =
      fingerprintOf && match.remixedFromId === undefined
        ? await fingerprintOf(match.inputs ?? [])
        : undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const listed = await runtime.call(
        'list',
        (s) =>
          runtime.provider.list({ limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }), signal: s }),
        signal,
      );
      let older = false;
      for (const job of listed.jobs) {
        if (job.createdAt.getTime() < since) {
          older = true;
          continue;
        }
        if (!runtime.knows(job.id) && jobMatches(job, match, fingerprint)) candidates.push(job);
      }
      cursor = listed.nextCursor;
      if (older || cursor === undefined) break;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'unreadable', error };
  }
  if (candidates.length === 1) return { kind: 'adopted', job: candidates[0]! };
  if (candidates.length === 0) return { kind: 'none' };
  return { kind: 'ambiguous', candidateIds: candidates.map((job) => job.id) };
}
