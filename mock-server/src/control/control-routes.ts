/**
 * The `/_emulator` control API: thin HTTP over {@link ControlOperations}. Bodies are validated
 * with zod; every refusal is a 400 `{ "error": { message, type: "invalid_request_error", param } }`.
 * @module
 */

import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { EngineError } from '../engine/errors.js';
import type { QuotaPolicy } from '../engine/quota-policy.js';
import { BodyError } from '../http/body-error.js';
import { readBodyBytes } from '../http/read-body.js';
import { controlOpenApiDocument } from './control-openapi.js';
import type { ControlOperations } from './control-operations.js';
import { parseQuery } from './control-query.js';
import { ControlRequestError, controlErrorJson } from './control-request-error.js';
import {
  advanceClockBody,
  clockQuery,
  type FaultBody,
  faultBody,
  inferFaultType,
  jobsQuery,
  joinClockScopeBody,
  type QuotaBody,
  quotaBody,
  setClockBody,
  setTimingBody,
} from './control-schemas.js';
import {
  clockJson,
  clockScopeJson,
  decodeJobsCursor,
  faultsJson,
  healthJson,
  jobsJson,
  quotaPolicyJson,
  timingJson,
  webhooksJson,
} from './control-wire.js';
import { InvalidRoutePatternError } from './route-pattern.js';

/** What the control routes need: the emulator's control operations. */
export interface ControlRoutesTarget {
  /** The operations the routes call. */
  readonly control: ControlOperations;
}

/** Control bodies are small JSON objects; anything larger is refused (413) unread. */
const MAX_CONTROL_BODY_BYTES = 1024 * 1024;

async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  prepare = (v: unknown) => v,
): Promise<z.output<S>> {
  const text = new TextDecoder().decode(await readBodyBytes(c.req.raw, MAX_CONTROL_BODY_BYTES));
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ControlRequestError('The body is not valid JSON.', null);
    }
  }
  const parsed = schema.safeParse(prepare(raw));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.join('.') : null;
  // A record key's own issue says what is wrong with the key ("Invalid key in record" does not).
  const message = (issue?.code === 'invalid_key' ? issue.issues[0]?.message : undefined) ?? issue?.message;
  throw new ControlRequestError(`${param === null ? '' : `${param}: `}${message ?? 'invalid body'}`, param);
}

function quotaPolicyOf(body: QuotaBody): QuotaPolicy {
  switch (body.mode) {
    case 'concurrent':
      return { mode: 'concurrent', maxConcurrent: body.max_concurrent };
    case 'rate':
      return { mode: 'rate', limit: body.limit, windowMs: body.window_ms };
    case 'none':
      return { mode: 'none' };
  }
}

function applyFault(control: ControlOperations, fault: FaultBody): void {
  switch (fault.type) {
    case 'route':
      control.injectRouteFault({
        route: fault.route,
        count: fault.count,
        status: fault.status,
        ...(fault.body === undefined ? {} : { body: fault.body as never }),
        ...(fault.headers === undefined ? {} : { headers: fault.headers }),
      });
      return;
    case 'latency':
      control.addLatency({
        latencyMs: fault.latency_ms,
        ...(fault.route === undefined ? {} : { route: fault.route }),
        ...(fault.count === undefined ? {} : { count: fault.count }),
        ...(fault.after_route === undefined ? {} : { afterRoute: fault.after_route }),
        ...(fault.drop === undefined ? {} : { drop: fault.drop }),
      });
      return;
    case 'job_failure': {
      const m = fault.match;
      control.failJobs({
        progress: fault.progress,
        ...(fault.code === undefined ? {} : { code: fault.code }),
        ...(fault.message === undefined ? {} : { message: fault.message }),
        ...(fault.error_type === undefined ? {} : { type: fault.error_type }),
        ...(fault.param === undefined ? {} : { param: fault.param }),
        ...(fault.headers === undefined ? {} : { headers: fault.headers }),
        ...(fault.times === undefined ? {} : { times: fault.times }),
        ...(m === undefined
          ? {}
          : {
              match: {
                ...(m.prompt_includes === undefined ? {} : { promptIncludes: m.prompt_includes }),
                ...(m.model === undefined ? {} : { model: m.model }),
                ...(m.partition === undefined ? {} : { partition: m.partition }),
                ...(m.kind === undefined ? {} : { kind: m.kind }),
              },
            }),
      });
      return;
    }
    case 'moderation':
      control.setModerationWords(fault.words);
      return;
    case 'retired_model':
      control.retireModel(fault.model, {
        status: fault.status,
        ...(fault.message === undefined ? {} : { message: fault.message }),
      });
      return;
    case 'restore_model':
      control.restoreModel(fault.model);
      return;
    case 'retired_service':
      control.retireService(fault.service, {
        status: fault.status,
        ...(fault.message === undefined ? {} : { message: fault.message }),
      });
      return;
    case 'restore_service':
      control.restoreService(fault.service);
      return;
  }
}

/**
 * Creates the control routes, to mount at `/_emulator`.
 * @example
 * app.route('/_emulator', createControlRoutes(emulator));
 * await app.request('/_emulator/clock/advance', { method: 'POST', body: JSON.stringify({ ms: 60_000 }) });
 */
export function createControlRoutes(emulator: ControlRoutesTarget): Hono {
  const { control } = emulator;
  const app = new Hono();
  app.get('/health', (c) => c.json(healthJson(control.health())));
  app.get('/clock', (c) => c.json(clockJson(control.clockInfo(parseQuery(c.req.url, clockQuery).scope))));
  app.post('/clock/advance', async (c) => {
    const body = await parseBody(c, advanceClockBody);
    return c.json(clockJson(control.advanceClock(body.ms, body.scope)));
  });
  app.get('/clock/scopes', (c) => c.json({ data: control.clockScopes().map(clockScopeJson) }));
  app.post('/clock/scopes', async (c) => {
    const body = await parseBody(c, joinClockScopeBody);
    return c.json(clockScopeJson(control.joinClockScope(body.scope, body.credentials)));
  });
  app.get('/timing', (c) => c.json(timingJson(control.timing())));
  app.post('/timing', async (c) => {
    const body = await parseBody(c, setTimingBody);
    return c.json(timingJson(control.setTiming(body.profile)));
  });
  app.post('/clock/set', async (c) => {
    const body = await parseBody(c, setClockBody);
    const nowMs = body.now_ms ?? (body.iso === undefined ? undefined : Date.parse(body.iso));
    return c.json(
      clockJson(
        control.setClock({
          ...(nowMs === undefined ? {} : { nowMs }),
          ...(body.mode === undefined ? {} : { mode: body.mode }),
          ...(body.speed === undefined ? {} : { speed: body.speed }),
        }),
      ),
    );
  });
  app.post('/reset', (c) => {
    control.reset();
    return c.json({ reset: true, clock: clockJson(control.clockInfo()) });
  });
  app.get('/jobs', (c) => {
    const { partition, kind, limit, after: afterText } = parseQuery(c.req.url, jobsQuery);
    const after = afterText === undefined ? undefined : decodeJobsCursor(afterText);
    const page = control.storedJobs({
      limit,
      ...(partition === undefined ? {} : { partition }),
      ...(kind === undefined ? {} : { kind }),
      ...(after === undefined ? {} : { after }),
    });
    return c.json(jobsJson(control.clockInfo().mode, page));
  });
  app.get('/quota', (c) => c.json(quotaPolicyJson(control.quota())));
  app.post('/quota', async (c) => {
    const body = await parseBody(c, quotaBody);
    return c.json(quotaPolicyJson(control.setQuota(quotaPolicyOf(body))));
  });
  app.get('/faults', (c) => c.json(faultsJson(control.listFaults())));
  app.post('/faults', async (c) => {
    applyFault(control, await parseBody(c, faultBody, inferFaultType));
    return c.json(faultsJson(control.listFaults()));
  });
  app.delete('/faults', (c) => {
    control.clearFaults();
    return c.json(faultsJson(control.listFaults()));
  });
  app.get('/webhooks', (c) => c.json(webhooksJson(control.health().webhooks, control.webhookDeliveries())));
  app.get('/openapi.json', (c) => c.json(controlOpenApiDocument()));
  // A catch-all route rather than notFound(): a mounted sub-app's notFound is not consulted.
  app.all('*', (c) =>
    c.json(
      controlErrorJson(
        `Unknown control route ${c.req.method} ${c.req.path}; see /_emulator/openapi.json`,
        null,
      ),
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof ControlRequestError)
      return c.json(controlErrorJson(error.message, error.param), 400);
    if (BodyError.isInstance(error)) return c.json(controlErrorJson(error.message, null), 413);
    if (error instanceof RangeError || error instanceof InvalidRoutePatternError) {
      return c.json(controlErrorJson(error.message, null), 400);
    }
    if (EngineError.isInstance(error)) {
      const setting = 'setting' in error && typeof error.setting === 'string' ? error.setting : null;
      return c.json(controlErrorJson(error.message, setting), 400);
    }
    return c.json(
      {
        error: {
          message: 'The control API had an internal error.',
          type: 'server_error',
          param: null,
          code: null,
        },
      },
      500,
    );
  });
  return app;
}
