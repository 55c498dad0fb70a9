/**
 * Routes of the OpenAI Videos API (Sora 2), served at `/v1` (OpenAI host) and `/openai/v1`
 * (Azure host). Each route parses, calls the engine, renders; nothing else.
 * @module
 */

import { Hono } from 'hono';
import type { EmulatorContext } from '../../emulator.js';
import type { HostFamily } from '../../http/credential.js';
import type { EmulatorEnv } from '../../http/emulator-env.js';
import { requestIdMiddleware } from '../../http/request-id.js';

/**
 * The Sora 2 sub-app for one host family.
 * @example
 * app.route('/v1', createSora2Routes(emulator, 'openai'));
 */
export function createSora2Routes(emulator: EmulatorContext, host: HostFamily): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  const requestId = requestIdMiddleware({ next: () => emulator.engine.ids.requestId() });
  routes.use('/videos', requestId);
  routes.use('/videos/*', requestId);
  void host;
  return routes;
}
