/**
 * The dashboard's routes: `GET /` (for a browser, `Accept: text/html`; API clients keep the JSON
 * 404), its script and stylesheet, the read-only state it polls, media for its `<video>`
 * elements, and `GET /_emulator/requests`. State changes go through the control API.
 * @module
 */

import { Hono } from 'hono';
import { readQuery } from '../control/control-query.js';
import type { EmulatorContext } from '../emulator-context.js';
import { dashboardClient } from './dashboard-client.js';
import { dialectContentRequest } from './dashboard-content.js';
import { DashboardPage } from './dashboard-page.js';
import { dashboardContentQuery, dashboardStateQuery } from './dashboard-query.js';
import { type DashboardWork, dashboardState } from './dashboard-state.js';
import { DASHBOARD_CSS } from './dashboard-styles.js';
import type { RequestLog } from './request-log.js';

/** What the dashboard routes need besides the emulator. */
export interface DashboardParts {
  /** The request log shown in the page and at `/_emulator/requests`. */
  readonly requests: RequestLog;
  /** The emulator app's own fetch (media requests go through the dialect routes). */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  /** How often the page polls, ms (default 1000). */
  readonly pollMs?: number;
  /** Work counters the state route adds to (complexity tests). */
  readonly work?: DashboardWork;
}

const SCRIPT = `(${dashboardClient.toString()})();\n`;

/**
 * Creates the routes, to mount at the app's root before the control API.
 * @example
 * app.route('/', createDashboardRoutes(emulator, { requests, fetch: (r) => app.fetch(r) }));
 */
export function createDashboardRoutes(emulator: EmulatorContext, parts: DashboardParts): Hono {
  const app = new Hono();
  const key = emulator.options.controlKey ?? '';
  app.get('/', (c, next) => {
    if (!(c.req.header('accept') ?? '').includes('text/html')) return next();
    const clock = emulator.control.clockInfo();
    return c.html(
      <DashboardPage
        clockIso={new Date(clock.nowMs).toISOString()}
        clockMode={clock.mode}
        controlKey={key === '' ? '' : (c.req.query('key') ?? '')}
        pollMs={parts.pollMs ?? 1000}
      />,
    );
  });
  app.get('/_emulator/dashboard/dashboard.js', (c) =>
    c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  app.get('/_emulator/dashboard/dashboard.css', (c) =>
    c.body(DASHBOARD_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  app.get('/_emulator/dashboard/state', (c) => {
    const query = readQuery(c.req.url, dashboardStateQuery);
    if ('error' in query) return c.json(query.error, 400);
    return c.json(dashboardState(emulator, parts.requests, query.data, parts.work));
  });
  app.get('/_emulator/dashboard/content/:id', async (c) => {
    const query = readQuery(c.req.url, dashboardContentQuery);
    if ('error' in query) return c.json(query.error, 400);
    const request = dialectContentRequest(
      emulator,
      new URL(c.req.url).origin,
      c.req.param('id'),
      query.data.variant,
      query.data.generation,
      c.req.header('range'),
    );
    if (request === undefined) {
      return c.json(
        {
          error: {
            message: `No job or generation ${c.req.param('id')}`,
            type: 'invalid_request_error',
            param: 'id',
            code: null,
          },
        },
        404,
      );
    }
    return parts.fetch(request);
  });
  app.get('/_emulator/requests', (c) => c.json({ data: parts.requests.entries() }));
  return app;
}
