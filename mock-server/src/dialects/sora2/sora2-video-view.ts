/**
 * Renders engine views into Sora 2 wire objects (`VideoResource`, `VideoListResource`): all 13
 * fields always present, nullable ones as `null`, times in whole seconds.
 * @module
 */

import type { Sora2Video, Sora2VideoError, Sora2VideoList, Sora2VideoStatus } from '@sora-kit/core/wire';
import { isSettledPhase, type JobPhase } from '../../engine/job-phase.js';
import type { JobFailure } from '../../engine/job-record.js';
import type { JobView } from '../../engine/job-view.js';
import type { JobPage } from '../../engine/list-jobs.js';

const STATUS: Record<JobPhase, Sora2VideoStatus> = {
  queued: 'queued',
  preprocessing: 'in_progress',
  running: 'in_progress',
  processing: 'in_progress',
  succeeded: 'completed',
  failed: 'failed',
  cancelled: 'failed',
};

const toSeconds = (ms: number): number => Math.floor(ms / 1000);

/** The wire status of a phase. */
export function sora2Status(phase: JobPhase): Sora2VideoStatus {
  return STATUS[phase];
}

/**
 * The `video` object of a job view.
 * @example
 * c.json(toSora2Video(engine.getJob(partition, id)));
 */
export function toSora2Video(view: JobView): Sora2Video {
  const { job } = view;
  const size = typeof job.metadata?.size === 'string' ? job.metadata.size : `${job.width}x${job.height}`;
  const error =
    view.failure ??
    (view.phase === 'cancelled'
      ? { code: 'cancelled', message: 'The video generation was cancelled.' }
      : null);
  return {
    id: job.id,
    object: 'video',
    model: job.model,
    status: STATUS[view.phase],
    progress: view.progress,
    created_at: toSeconds(job.createdAt),
    completed_at: view.finishedAt === null ? null : toSeconds(view.finishedAt),
    // null until settled on both hosts, even where the basis (Azure: created_at) is known earlier.
    expires_at: view.expiresAt === null || !isSettledPhase(view.phase) ? null : toSeconds(view.expiresAt),
    prompt: job.prompt,
    size,
    seconds: String(job.seconds),
    remixed_from_video_id: job.remixedFromId ?? null,
    error: error === null ? null : toSora2VideoError(error),
  };
}

/**
 * `Video.error` of a failure: `code` and `message`, plus what the newest SDKs read where the
 * failure recorded it (contracts ruling 25): `type`, `param` and the original error's `headers`.
 */
export function toSora2VideoError(failure: JobFailure): Sora2VideoError {
  return {
    code: failure.code,
    message: failure.message,
    ...(failure.type === undefined ? {} : { type: failure.type }),
    ...(failure.param === undefined ? {} : { param: failure.param }),
    ...(failure.headers === undefined ? {} : { headers: { ...failure.headers } }),
  };
}

/** The list envelope of a page. */
export function toSora2VideoList(page: JobPage): Sora2VideoList {
  return {
    object: 'list',
    data: page.data.map(toSora2Video),
    first_id: page.firstId,
    last_id: page.lastId,
    has_more: page.hasMore,
  };
}

/**
 * `openai-poll-after-ms` while unfinished (ruling 14): the time to the next phase change, at
 * least 1 s unless the job settles sooner; undefined once settled.
 */
export function pollAfterMs(view: JobView): number | undefined {
  if (STATUS[view.phase] !== 'queued' && STATUS[view.phase] !== 'in_progress') return undefined;
  const untilSettled = view.settlesAt - view.observedAt;
  const untilChange = (view.nextChangeAt ?? view.settlesAt) - view.observedAt;
  return Math.max(1, Math.min(untilSettled, Math.max(untilChange, 1000)));
}
