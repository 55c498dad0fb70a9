import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { EmulatorEnv } from './emulator-env.js';
import { jsonWithRequestId, requestIdMiddleware } from './request-id.js';

function appWith(headers?: readonly string[]) {
  let n = 0;
  const app = new Hono<EmulatorEnv>();
  app.use('*', requestIdMiddleware({ next: () => `req_${++n}`, ...(headers ? { headers } : {}) }));
  app.get('/plain', (c) => c.json({ ok: true }, 200, { 'openai-poll-after-ms': '5' }));
  app.get('/stamped', (c) => jsonWithRequestId(c, { ok: true }, 200, { 'openai-poll-after-ms': '5' }));
  app.get('/error', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.json({ error: true }, 500));
  return app;
}

const headersOf = (res: Response) => Object.fromEntries(res.headers);

describe('request ids', () => {
  it('jsonWithRequestId answers exactly what c.json plus the middleware answer', async () => {
    const plain = await appWith().request('/plain');
    const stamped = await appWith().request('/stamped');
    expect(headersOf(stamped)).toEqual(headersOf(plain));
    expect(headersOf(stamped)).toEqual({
      'content-type': 'application/json',
      'openai-poll-after-ms': '5',
      'x-request-id': 'req_1',
    });
    expect(await stamped.text()).toBe(await plain.text());
    expect(stamped.status).toBe(200);
  });

  it('carries every configured header, and error responses get the id too', async () => {
    const app = appWith(['apim-request-id', 'x-request-id']);
    const stamped = await app.request('/stamped');
    expect(stamped.headers.get('apim-request-id')).toBe('req_1');
    expect(stamped.headers.get('x-request-id')).toBe('req_1');
    const failed = await app.request('/error');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('apim-request-id')).toBe('req_2');
    expect(failed.headers.get('x-request-id')).toBe('req_2');
  });

  it('an outer middleware adds the headers an inner one did not write', async () => {
    let n = 0;
    const app = new Hono<EmulatorEnv>();
    app.use('*', requestIdMiddleware({ next: () => `outer_${++n}`, headers: ['apim-request-id'] }));
    app.use('*', requestIdMiddleware({ next: () => 'inner', headers: ['x-request-id'] }));
    app.get('/stamped', (c) => jsonWithRequestId(c, {}));
    const res = await app.request('/stamped');
    expect(res.headers.get('x-request-id')).toBe('outer_1');
    expect(res.headers.get('apim-request-id')).toBe('outer_1');
  });

  it('without the middleware the response has no id header', async () => {
    const app = new Hono<EmulatorEnv>().get('/', (c) => jsonWithRequestId(c, [1], 201));
    const res = await app.request('/');
    expect(res.status).toBe(201);
    expect(headersOf(res)).toEqual({ 'content-type': 'application/json' });
    expect(await res.json()).toEqual([1]);
  });
});
