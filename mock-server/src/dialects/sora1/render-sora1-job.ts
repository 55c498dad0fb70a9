/**
 * Engine views -> Sora 1 wire objects (`video.generation.job`, `video.generation`, list).
 * Nullable fields follow ruling 6: `finished_at`, `expires_at`, `failure_reason` are `null`
 * until set and `generations` is `[]` until the job succeeded.
 * @module
 */
import type { Sora1Generation, Sora1InpaintItem, Sora1Job, Sora1JobList } from '@sora-kit/core/wire';
import type { GenerationView, JobPage, JobRecord, JobView } from '../../engine/index.js';

/** Epoch ms -> Unix seconds. */
const unix = (ms: number): number => Math.floor(ms / 1000);

/** The `inpaint_items` a job was created with, as kept in its metadata by the create route. */
export function storedInpaintItems(job: JobRecord): Sora1InpaintItem[] | undefined {
  const items = job.metadata?.inpaint_items;
  return Array.isArray(items) ? (items as unknown as Sora1InpaintItem[]) : undefined;
}

/** One generation of a succeeded job. */
export function renderSora1Generation(job: JobRecord, generation: GenerationView): Sora1Generation {
  return {
    object: 'video.generation',
    id: generation.id,
    job_id: job.id,
    created_at: unix(generation.createdAt),
    width: job.width,
    height: job.height,
    n_seconds: job.seconds,
    prompt: job.prompt,
  };
}

/**
 * A job as `GET /video/generations/jobs/{job-id}` answers it. The canonical phase names are
 * Azure's own, so the status is the phase; a failure's code is the `failure_reason`.
 * @example
 * const body = renderSora1Job(engine.getJob(partition, id));
 */
export function renderSora1Job(view: JobView): Sora1Job {
  const { job } = view;
  const items = storedInpaintItems(job);
  return {
    object: 'video.generation.job',
    id: job.id,
    status: view.phase,
    created_at: unix(job.createdAt),
    finished_at: view.finishedAt === null ? null : unix(view.finishedAt),
    expires_at: view.expiresAt === null ? null : unix(view.expiresAt),
    generations: view.generations.map((generation) => renderSora1Generation(job, generation)),
    prompt: job.prompt,
    model: job.model,
    n_variants: job.variants,
    n_seconds: job.seconds,
    height: job.height,
    width: job.width,
    ...(items === undefined ? {} : { inpaint_items: items }),
    failure_reason: view.phase === 'failed' ? (view.failure?.code ?? 'internal_error') : null,
  };
}

/** One page of `GET /video/generations/jobs`. */
export function renderSora1JobList(page: JobPage): Sora1JobList {
  return {
    object: 'list',
    data: page.data.map(renderSora1Job),
    has_more: page.hasMore,
    first_id: page.firstId,
    last_id: page.lastId,
  };
}
