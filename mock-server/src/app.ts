/**
 * The one Hono app of the emulator: every dialect, the control API and the dashboard share it,
 * so MSW handlers and the HTTP server run the same code.
 * @module
 */

import { type Context, Hono } from 'hono';
import { createControlRoutes } from './control/control-routes.js';
import { createFaultStage } from './control/fault-middleware.js';
import { requireControlKey } from './dashboard/control-key.js';
import { createDashboardRoutes } from './dashboard/dashboard-routes.js';
import { createRequestLog } from './dashboard/request-log.js';
import { createSora1Routes, sora1NotFound } from './dialects/sora1/index.js';
import { createSora2Routes, sora2Scope } from './dialects/sora2/index.js';
import type { EmulatorContext } from './emulator-context.js';
import { closeAfterRefusal } from './http/close-after-refusal.js';
import type { EmulatorEnv } from './http/emulator-env.js';
import { createIdempotencyStage } from './http/idempotency.js';
import { openAIErrorBody } from './http/openai-error-body.js';
import { readBodyStage } from './http/read-body.js';
import { chainStages } from './http/request-stage.js';
import { WireError } from './http/wire-error.js';

/**
 * Builds the app. Paths: `/v1/videos…` (OpenAI Sora 2), `/openai/v1/videos…` and
 * `/openai/videos…` (Azure Sora 2, one partition and store),
 * `/openai/v1/video/generations…` (Azure Sora 1), `/_emulator/…` (control), `/` (dashboard).
 * @example
 * const app = createEmulatorApp(emulator);
 * const res = await app.request('/v1/videos', { headers: { authorization: 'Bearer sk-test' } });
 */
export function createEmulatorApp(emulator: EmulatorContext): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  // The last requests, for the dashboard and GET /_emulator/requests.
  const requests = createRequestLog();
  if (emulator.options.controlKey !== undefined) {
    const guard = requireControlKey(emulator.options.controlKey);
    app.use('/', guard);
    app.use('/_emulator/*', guard);
  }
  // The dashboard (GET / for browsers) and its read-only views, before the control catch-all.
  app.route('/', createDashboardRoutes(emulator, { requests, fetch: (request) => app.fetch(request) }));
  app.route('/_emulator', createControlRoutes(emulator));

  app.route('/v1', createSora2Routes(emulator, 'openai'));
  app.route('/openai/v1', createSora2Routes(emulator, 'azure'));
  // AzureOpenAI built with `endpoint` (no baseURL) calls `${endpoint}/openai/videos…`. These routes
  // start with `/openai/videos`, so they never match `/openai/v1/…` (Sora 1 or Sora 2).
  app.route('/openai', createSora2Routes(emulator, 'azure'));

  // Sora 1 paths start with `/video/generations`, so they never collide with the Sora 2 `/videos` routes.
  app.route('/openai/v1', createSora1Routes(emulator));

  const notFound = (c: Context<EmulatorEnv>) =>
    c.json(
      openAIErrorBody({
        message: `Invalid URL (${c.req.method} ${new URL(c.req.url).pathname})`,
        type: 'invalid_request_error',
      }),
      404,
    );
  // An unknown path under a Sora 2 `/videos` or the Sora 1 `/video/generations` still answers as
  // that dialect does (request ids, retired service, Sora 1's api-version and NotFound envelope):
  // the dialects carry those on each handler, not as middleware or a catch-all route.
  const openaiScope = sora2Scope(emulator, 'openai-sora2')(notFound);
  const azureScope = sora2Scope(emulator, 'azure-sora2')(notFound);
  const sora1Unknown = sora1NotFound(emulator);
  const within = (path: string, prefix: string) =>
    path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47);
  app.notFound((c) => {
    const { path } = c.req;
    if (within(path, '/v1/videos')) return openaiScope(c);
    if (within(path, '/openai/v1/videos') || within(path, '/openai/videos')) return azureScope(c);
    if (within(path, '/openai/v1/video/generations')) return sora1Unknown(c);
    return notFound(c);
  });

  // Last resort: dialect sub-apps render their own errors; anything escaping them is a bug, but
  // it still gets an envelope and the process keeps serving.
  app.onError((error, c) => {
    if (WireError.isInstance(error)) {
      return c.json(openAIErrorBody(error), error.status as 400, { ...error.headers });
    }
    emulator.log(
      'error',
      `unhandled error on ${c.req.method} ${c.req.path}: ${error.stack ?? String(error)}`,
    );
    return c.json(
      openAIErrorBody({
        message: 'The server had an error while processing your request.',
        type: 'server_error',
      }),
      500,
    );
  });

  // What every request passes around the app, outermost first: the request log (faults
  // included), the body reader's bookkeeping (the Node server's own request stream; what was
  // read is forgotten with the answer), `Connection: close` after a refusal, HTTP faults (latency, injected 4xx/5xx;
  // never on /_emulator; a durable emulator commits the used-up counts before answering), and
  // Idempotency-Key on creates (inside the faults, so a dropped answer is remembered and a retry
  // gets it). Plain stages rather than middleware: a request none of them acts on reaches its
  // route synchronously.
  const route = app.fetch;
  const handle = chainStages(
    [
      requests.stage,
      readBodyStage(),
      closeAfterRefusal(),
      createFaultStage(emulator.control.httpFaults, emulator.control.delay, () =>
        emulator.persistence?.checkpoint(),
      ),
      createIdempotencyStage(emulator.options.limits),
    ],
    (request, env) => route(request, env as Parameters<typeof route>[1]),
  );
  // `fetch` is the entry point of a Hono app (`app.request` calls it too): the stages go in front.
  app.fetch = (request, env) => handle(request, env);
  return app;
}
