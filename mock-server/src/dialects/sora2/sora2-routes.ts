/**
 * Routes of the OpenAI Videos API (Sora 2), served at `/v1` (OpenAI host) and `/openai/v1`
 * (Azure host). Each route authenticates, parses, calls the engine and renders; errors go to
 * {@link renderSora2Error}.
 * @module
 */

import type { SoraBackendId } from '@sora-kit/core';
import type { Sora2DeletedVideo } from '@sora-kit/core/wire';
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import type { EmulatorContext } from '../../emulator-context.js';
import type { JobView } from '../../engine/job-view.js';
import { authenticate, type HostFamily } from '../../http/credential.js';
import { type DialectScope, dialectScope } from '../../http/dialect-scope.js';
import type { EmulatorEnv } from '../../http/emulator-env.js';
import { mediaBody } from '../../http/ranged-body.js';
import { renderOwner } from '../../http/render-cache.js';
import { jsonWithRequestId } from '../../http/request-id.js';
import { serviceRetiredError } from '../../http/retired-service.js';
import { clientWaitMs } from '../../http/wait-hints.js';
import {
  characterBodySchema,
  createBodySchema,
  editBodySchema,
  extendBodySchema,
  parseBody,
  remixBodySchema,
} from './sora2-body-schema.js';
import { createCharacter, toSora2Character } from './sora2-characters.js';
import { toCreateJobInput } from './sora2-create-input.js';
import { editVideo, extendVideo } from './sora2-derive-input.js';
import { contentNotReady, invalidParam, renderSora2Error, unauthorized } from './sora2-errors.js';
import { parseListQuery } from './sora2-list-query.js';
import { sora2RenderRequest } from './sora2-media.js';
import { readSora2Body } from './sora2-read-body.js';
import { pollAfterMs, toSora2Video, toSora2VideoList } from './sora2-video-view.js';

const VARIANTS = {
  video: 'video/mp4',
  thumbnail: 'image/webp',
  spritesheet: 'image/jpeg',
} as const;

type Variant = keyof typeof VARIANTS;

/**
 * The Sora 2 sub-app for one host family.
 * @example
 * app.route('/v1', createSora2Routes(emulator, 'openai'));
 * app.route('/openai/v1', createSora2Routes(emulator, 'azure'));
 */
export function createSora2Routes(emulator: EmulatorContext, host: HostFamily): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  const { engine } = emulator;
  const service = host === 'azure' ? 'azure-sora2' : 'openai-sora2';
  const guard = sora2Scope(emulator, service);
  const partitionOf = (c: Context<EmulatorEnv>): string => {
    const auth = authenticate(c.req.raw.headers, host, emulator.options.apiKey);
    if (!auth.ok) throw unauthorized(host, auth.reason, auth.credential);
    return auth.partition;
  };

  const videoResponse = (c: Context<EmulatorEnv>, view: JobView): Response => {
    const after = pollAfterMs(view);
    return jsonWithRequestId(
      c,
      toSora2Video(view),
      200,
      after === undefined
        ? undefined
        : { 'openai-poll-after-ms': String(clientWaitMs(after, emulator.clock)) },
    );
  };

  routes.post(
    '/videos',
    guard(async (c) => {
      const partition = partitionOf(c);
      const body = parseBody(createBodySchema, await readSora2Body(c.req.raw, emulator.options.limits));
      const input = await toCreateJobInput(emulator, host, partition, body);
      return videoResponse(c, engine.createJob(input));
    }),
  );

  if (host === 'azure') {
    // Microsoft documents no edits, extensions or characters: Azure's answer to a path it does not serve.
    const unserved = guard((c) =>
      jsonWithRequestId(c, { error: { code: '404', message: 'Resource not found' } }, 404),
    );
    routes.post('/videos/edits', unserved);
    routes.post('/videos/extensions', unserved);
    routes.post('/videos/characters', unserved);
    routes.get('/videos/characters/:character_id', unserved);
  } else {
    /** A route that reads `schema`'s body and starts a job derived from a source video. */
    const derivedRoute = <B>(
      schema: z.ZodType<B>,
      derive: (emulator: EmulatorContext, host: HostFamily, partition: string, body: B) => Promise<JobView>,
    ) =>
      guard(async (c) => {
        const partition = partitionOf(c);
        const body = parseBody(schema, await readSora2Body(c.req.raw, emulator.options.limits));
        return videoResponse(c, await derive(emulator, host, partition, body));
      });
    routes.post('/videos/edits', derivedRoute(editBodySchema, editVideo));
    routes.post('/videos/extensions', derivedRoute(extendBodySchema, extendVideo));

    routes.post(
      '/videos/characters',
      guard(async (c) => {
        const partition = partitionOf(c);
        const body = parseBody(characterBodySchema, await readSora2Body(c.req.raw, emulator.options.limits));
        const { character } = emulator.capabilities('openai-sora2');
        return jsonWithRequestId(
          c,
          toSora2Character(await createCharacter(emulator, partition, body, character.nameLength.max)),
        );
      }),
    );

    routes.get(
      '/videos/characters/:character_id',
      guard<'/videos/characters/:character_id'>((c) =>
        jsonWithRequestId(
          c,
          toSora2Character(emulator.engine.characters.get(partitionOf(c), c.req.param('character_id'))),
        ),
      ),
    );
  }

  routes.get(
    '/videos',
    guard((c) => {
      const partition = partitionOf(c);
      const query = parseListQuery(new URL(c.req.url).searchParams);
      return jsonWithRequestId(c, toSora2VideoList(engine.listJobs(partition, query)));
    }),
  );

  routes.get(
    '/videos/:video_id',
    guard<'/videos/:video_id'>((c) =>
      videoResponse(c, engine.getJob(partitionOf(c), c.req.param('video_id'), 'sora2')),
    ),
  );

  routes.delete(
    '/videos/:video_id',
    guard<'/videos/:video_id'>((c) => {
      const result = engine.deleteJob(partitionOf(c), c.req.param('video_id'), 'sora2');
      const body: Sora2DeletedVideo = {
        id: result.id,
        object: 'video.deleted',
        deleted: result.outcome === 'deleted',
      };
      return jsonWithRequestId(c, body);
    }),
  );

  routes.get(
    '/videos/:video_id/content',
    guard<'/videos/:video_id/content'>(async (c) => {
      const view = engine.getJob(partitionOf(c), c.req.param('video_id'), 'sora2');
      const variant = c.req.query('variant') ?? 'video';
      if (!Object.hasOwn(VARIANTS, variant)) {
        throw invalidParam(
          'variant',
          `Invalid value: '${variant}'. Supported values are: 'video', 'thumbnail' and 'spritesheet'.`,
        );
      }
      if (view.phase !== 'succeeded') throw contentNotReady(host, view.phase);
      const opened = emulator.media.open({
        ...sora2RenderRequest(view.job, variant as Variant),
        owner: renderOwner(view),
      });
      return mediaBody(c, opened, { 'content-type': VARIANTS[variant as Variant] });
    }),
  );

  routes.post(
    '/videos/:video_id/remix',
    guard<'/videos/:video_id/remix'>(async (c) => {
      const partition = partitionOf(c);
      const body = parseBody(remixBodySchema, await readSora2Body(c.req.raw, emulator.options.limits));
      return videoResponse(
        c,
        engine.remixJob({ partition, sourceId: c.req.param('video_id'), prompt: body.prompt }),
      );
    }),
  );

  return routes;
}

/**
 * What every Sora 2 answer passes through, as one wrapper of the route handler rather than
 * middleware layers (each of which would make a synchronous route asynchronous): a request id
 * (`x-request-id`), the retired-service answer before anything else, and errors rendered in
 * the OpenAI envelope. The app also wraps its not-found answer for paths under `/videos` with it.
 * @example
 * routes.get('/videos/:video_id', sora2Scope(emulator, 'openai-sora2')((c) => c.json({})));
 */
export function sora2Scope(
  emulator: EmulatorContext,
  service: Extract<SoraBackendId, 'openai-sora2' | 'azure-sora2'>,
): DialectScope {
  return dialectScope({
    ids: { next: () => emulator.engine.ids.requestId() },
    refuse: () => serviceRetiredError(emulator, service),
    renderError: (error, c) => renderSora2Error(error, c, emulator),
  });
}
