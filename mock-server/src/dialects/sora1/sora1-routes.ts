/**
 * Routes of the Azure OpenAI video generation jobs API (Sora 1), mounted at `/openai/v1`.
 * Each route authenticates, parses, calls the engine and renders; every error goes through
 * {@link renderSora1Error}, and every answer carries `apim-request-id`.
 * @module
 */
import { type Context, Hono } from 'hono';
import type { EmulatorContext } from '../../emulator-context.js';
import { type DialectScope, dialectScope, type ScopedHandler } from '../../http/dialect-scope.js';
import {
  authenticate,
  bodyEncoding,
  type EmulatorEnv,
  jsonWithRequestId,
  readFormBody,
  readJsonBody,
} from '../../http/index.js';
import { rangedBody } from '../../http/ranged-body.js';
import { renderOwner } from '../../http/render-cache.js';
import { serviceRetiredError } from '../../http/retired-service.js';
import { generationRender, type Sora1VideoQuality } from './generation-media.js';
import { parseSora1CreateForm, parseSora1CreateJson } from './parse-sora1-create.js';
import { parseSora1ListQuery } from './parse-sora1-list-query.js';
import { renderSora1Error } from './render-sora1-error.js';
import { renderSora1Generation, renderSora1Job, renderSora1JobList } from './render-sora1-job.js';
import type { Sora1CreateRequest } from './sora1-create-request.js';
import { badRequest, deploymentNotFound, Sora1RequestError, unauthorized } from './sora1-request-error.js';
import { toCreateJobInput } from './to-create-job-input.js';

/** `api-version` values the routes accept (absent means `v1`). */
export const SORA1_API_VERSIONS = ['v1', 'preview'] as const;

/** The base model a deployment must serve to run video generation jobs. */
const SORA1_BASE_MODEL = 'sora';

/**
 * The Sora 1 sub-app.
 * @example
 * app.route('/openai/v1', createSora1Routes(emulator));
 * // POST /openai/v1/video/generations/jobs?api-version=preview  (api-key: ...)
 */
export function createSora1Routes(emulator: EmulatorContext): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  const { engine } = emulator;
  const scope = sora1Scope(emulator);

  const partitionOf = (c: Context<EmulatorEnv>): string => {
    const auth = authenticate(c.req.raw.headers, 'azure', emulator.options.apiKey);
    if (!auth.ok) throw unauthorized();
    return auth.partition;
  };

  const readCreate = async (request: Request): Promise<Sora1CreateRequest> => {
    const { limits } = emulator.options;
    const capabilities = emulator.capabilities('azure-sora1');
    const encoding = bodyEncoding(request);
    if (encoding === 'json')
      return parseSora1CreateJson(await readJsonBody(request, limits.maxJsonBytes), capabilities);
    if (encoding === 'multipart' || encoding === 'urlencoded')
      return parseSora1CreateForm(await readFormBody(request, limits.maxUploadBytes), capabilities);
    throw badRequest(
      'body',
      `Invalid Content-Type header (${request.headers.get('content-type') ?? 'none'}), expected application/json or multipart/form-data.`,
    );
  };

  routes.post(
    '/video/generations/jobs',
    scope(async (c) => {
      const partition = partitionOf(c);
      const request = await readCreate(c.req.raw);
      const base = emulator.deploymentModel(request.model, 'sora1');
      if (base === undefined) throw deploymentNotFound(request.model);
      if (base !== SORA1_BASE_MODEL) {
        throw badRequest(
          'model',
          `The deployment '${request.model}' serves '${base}', which does not support video generation jobs; use a '${SORA1_BASE_MODEL}' deployment.`,
        );
      }
      return jsonWithRequestId(
        c,
        renderSora1Job(engine.createJob({ ...toCreateJobInput(request, partition), baseModel: base })),
        201,
      );
    }),
  );

  routes.get(
    '/video/generations/jobs',
    scope((c) => {
      const partition = partitionOf(c);
      const query = parseSora1ListQuery(new URL(c.req.url).searchParams);
      return jsonWithRequestId(c, renderSora1JobList(engine.listJobs(partition, query)));
    }),
  );

  routes.get(
    '/video/generations/jobs/:job_id',
    scope<'/video/generations/jobs/:job_id'>((c) =>
      jsonWithRequestId(c, renderSora1Job(engine.getJob(partitionOf(c), c.req.param('job_id'), 'sora1'))),
    ),
  );

  routes.delete(
    '/video/generations/jobs/:job_id',
    scope<'/video/generations/jobs/:job_id'>((c) => {
      engine.deleteJob(partitionOf(c), c.req.param('job_id'), 'sora1');
      return c.body(null, 204);
    }),
  );

  routes.get(
    '/video/generations/:generation_id',
    scope<'/video/generations/:generation_id'>((c) => {
      const { job, generation } = engine.getGeneration(partitionOf(c), c.req.param('generation_id'));
      return jsonWithRequestId(c, renderSora1Generation(job.job, generation));
    }),
  );

  const content = async (c: Context<EmulatorEnv>, variant: 'video' | 'thumbnail'): Promise<Response> => {
    const partition = partitionOf(c);
    const quality = c.req.query('quality') ?? 'high';
    if (variant === 'video' && quality !== 'high' && quality !== 'low')
      throw badRequest('quality', `Invalid quality '${quality}': expected 'high' or 'low'.`);
    const { job, generation } = engine.getGeneration(partition, c.req.param('generation_id') ?? '');
    const bytes = await emulator.media.get({
      ...generationRender(job.job, generation, variant, quality as Sora1VideoQuality),
      owner: renderOwner(job),
    });
    return rangedBody(c, bytes, {
      'content-type': variant === 'video' ? 'video/mp4' : 'image/jpg',
      'last-modified': new Date(job.finishedAt ?? job.job.createdAt).toUTCString(),
    });
  };

  routes.get(
    '/video/generations/:generation_id/content/video',
    scope((c) => content(c, 'video')),
  );
  routes.get(
    '/video/generations/:generation_id/content/thumbnail',
    scope((c) => content(c, 'thumbnail')),
  );

  return routes;
}

/**
 * The Sora 1 answer to a path under `/video/generations` that no route serves (or a method it
 * does not): the wrapped Azure 404, with the request ids, retired and `api-version` answers of
 * every Sora 1 route. The app answers its not-found paths under `/openai/v1/video/generations`
 * with it (a catch-all route here would make every matching request go through Hono's
 * middleware chain, so no poll would answer synchronously).
 * @example
 * app.notFound(sora1NotFound(emulator));
 */
export function sora1NotFound(emulator: EmulatorContext): ScopedHandler {
  return sora1Scope(emulator)((c) => {
    throw new Sora1RequestError(404, 'NotFound', `Resource not found: ${c.req.method} ${c.req.path}.`);
  });
}

/** The `api-version` error of a request whose version the routes do not accept, else undefined. */
function unsupportedApiVersion(c: Context<EmulatorEnv>): Sora1RequestError | undefined {
  const version = c.req.query('api-version');
  if (version === undefined || (SORA1_API_VERSIONS as readonly string[]).includes(version)) return undefined;
  return new Sora1RequestError(
    400,
    'BadRequest',
    `API version not supported: '${version}'. Use one of ${SORA1_API_VERSIONS.join(', ')}.`,
    'api-version',
  );
}

/**
 * What every Sora 1 answer passes through, as one wrapper of each route handler (the shape of
 * Sora 2's, {@link dialectScope}) rather than middleware, so a status poll answers
 * synchronously: a request id in `apim-request-id` and `x-request-id`, the retired-service
 * answer, then an unsupported `api-version`, and errors rendered in the wrapped Azure envelope.
 * @example
 * routes.get('/video/generations/jobs/:job_id', sora1Scope(emulator)((c) => c.json({})));
 */
export function sora1Scope(emulator: EmulatorContext): DialectScope {
  return dialectScope({
    ids: { next: () => emulator.engine.ids.uuid(), headers: ['apim-request-id', 'x-request-id'] },
    refuse: (c) => serviceRetiredError(emulator, 'azure-sora1') ?? unsupportedApiVersion(c),
    renderError: (error, c) => {
      const answer = renderSora1Error(error, emulator.clock);
      if (answer.status >= 500)
        emulator.log('error', `Sora 1 ${c.req.method} ${c.req.path}: ${String(error)}`);
      return c.json(answer.body, answer.status as 400, { ...answer.headers });
    },
  });
}
