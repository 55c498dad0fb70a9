/**
 * The one Hono app of the emulator: every dialect, the control API and the dashboard share it,
 * so MSW handlers and the HTTP server run the same code.
 * @module
 */

import { Hono } from 'hono';
import { createControlRoutes } from './control/control-routes.js';
import { createFaultMiddleware } from './control/fault-middleware.js';
import { requireControlKey } from './dashboard/control-key.js';
import { createDashboardRoutes } from './dashboard/dashboard-routes.js';
import { createRequestLog } from './dashboard/request-log.js';
import { createSora1Routes } from './dialects/sora1/index.js';
import { createSora2Routes } from './dialects/sora2/index.js';
import type { EmulatorContext } from './emulator-context.js';
import { closeAfterRefusal } from './http/close-after-refusal.js';
import type { EmulatorEnv } from './http/emulator-env.js';
import { createIdempotencyMiddleware } from './http/idempotency.js';
import { openAIErrorBody } from './http/openai-error-body.js';
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
  // The last requests, for the dashboard and GET /_emulator/requests (outermost: faults included).
  const requests = createRequestLog();
  app.use('*', requests.middleware);
  if (emulator.options.controlKey !== undefined) {
    const guard = requireControlKey(emulator.options.controlKey);
    app.use('/', guard);
    app.use('/_emulator/*', guard);
  }

  // HTTP faults (latency, injected 4xx/5xx) run before every dialect route; never on /_emulator.
  app.use('*', closeAfterRefusal());
  // A durable emulator commits the used-up fault counts before answering.
  app.use(
    '*',
    createFaultMiddleware(emulator.control.httpFaults, emulator.control.delay, () =>
      emulator.persistence?.checkpoint(),
    ),
  );
  // Creates with an Idempotency-Key answer once per key and body (inside the faults, so a dropped
  // answer is remembered and a retry gets it).
  app.use('*', createIdempotencyMiddleware());
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

  app.notFound((c) =>
    c.json(
      openAIErrorBody({
        message: `Invalid URL (${c.req.method} ${new URL(c.req.url).pathname})`,
        type: 'invalid_request_error',
      }),
      404,
    ),
  );

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
  return app;
}
