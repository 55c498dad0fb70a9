/**
 * Every query parameter of the control API (and of the dashboard's read routes) is read with a
 * zod schema: a bad value is a 400 naming the parameter, quoting the value and saying what is
 * allowed, and the OpenAPI document's `parameters` come from the same schemas. Over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';

let emulator: Emulator;
let server: EmulatorServer;

beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', seed: 'control-query', quota: 'none' });
  server = await emulator.listen(0);
  const create = (url: string, headers: Record<string, string>) =>
    fetch(`${server.url}${url}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'a red balloon',
        ...(url.includes('generations') ? { model: 'sora', width: 480, height: 480 } : {}),
      }),
    });
  for (let i = 0; i < 3; i++) {
    expect((await create('/v1/videos', { authorization: 'Bearer sk-query' })).status).toBe(200);
  }
  const sora1 = await create('/openai/v1/video/generations/jobs?api-version=preview', {
    'api-key': 'az-query',
  });
  expect(sora1.status).toBe(201);
});
afterAll(() => emulator.close());

// biome-ignore lint/suspicious/noExplicitAny: answers of several shapes, read field by field
const get = async (path: string): Promise<{ status: number; body: Record<string, any> }> => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.json() };
};

describe('query parameters are refused with 400 naming the parameter, the value and what is allowed', () => {
  it.each([
    ['/_emulator/jobs?kind=sora3', 'kind', "kind 'sora3' is not one of sora1, sora2"],
    ['/_emulator/jobs?kind=', 'kind', "kind '' is not one of sora1, sora2"],
    ['/_emulator/jobs?kind=SORA2', 'kind', "kind 'SORA2' is not one of sora1, sora2"],
    ['/_emulator/jobs?limit=0', 'limit', "limit '0' is not an integer from 1 to 10000"],
    ['/_emulator/jobs?limit=10001', 'limit', "limit '10001' is not an integer from 1 to 10000"],
    ['/_emulator/jobs?limit=1e3', 'limit', "limit '1e3' is not an integer from 1 to 10000"],
    ['/_emulator/jobs?limit=%205', 'limit', "limit ' 5' is not an integer from 1 to 10000"],
    ['/_emulator/jobs?after=nocolon', 'after', "after 'nocolon' is not a next_cursor of this API"],
    ['/_emulator/jobs?partition=', 'partition', "partition '' is empty"],
    [
      '/_emulator/jobs?kind=sora1&kind=sora2',
      'kind',
      "kind is given 2 times ('sora1', 'sora2'); give it once",
    ],
    ['/_emulator/clock?scope=', 'scope', "scope '' is neither a credential"],
    ['/_emulator/clock?scope=bad%20name', 'scope', "scope 'bad name' is neither a credential"],
    ['/_emulator/dashboard/state?limit=0', 'limit', "limit '0' is not an integer from 1 to"],
    ['/_emulator/dashboard/state?limit=fifty', 'limit', "limit 'fifty' is not an integer from 1 to"],
    ['/_emulator/dashboard/state?offset=-1', 'offset', "offset '-1' is not an integer from 0 to"],
    [
      '/_emulator/dashboard/state?dialect=sora2',
      'dialect',
      "dialect 'sora2' is not one of openai-sora2, azure-sora2, azure-sora1",
    ],
    ['/_emulator/dashboard/state?status=done', 'status', "status 'done' is not one of queued, preprocessing"],
    [
      '/_emulator/dashboard/content/anything?variant=poster',
      'variant',
      "variant 'poster' is not one of video, thumbnail, spritesheet",
    ],
  ])('%s', async (path, param, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(res.body.error.message).toContain(message);
  });
});

describe('valid query parameters still work', () => {
  it('GET /_emulator/jobs filters by kind and pages by limit and after; other parameters are ignored', async () => {
    const sora2 = await get('/_emulator/jobs?kind=sora2&key=ignored');
    expect(sora2.status).toBe(200);
    expect(sora2.body.data.map((j: { kind: string }) => j.kind)).toEqual(['sora2', 'sora2', 'sora2']);
    const sora1 = await get('/_emulator/jobs?kind=sora1');
    expect(sora1.body.data.map((j: { partition: string }) => j.partition)).toEqual(['azure:az-query']);
    const first = await get('/_emulator/jobs?limit=2');
    expect(first.body.data).toHaveLength(2);
    const rest = await get(`/_emulator/jobs?limit=2&after=${encodeURIComponent(first.body.next_cursor)}`);
    expect(rest.status).toBe(200);
    expect(rest.body.data).toHaveLength(2);
  });

  it('GET /_emulator/clock?scope= a credential reads its clock; the dashboard state filters', async () => {
    expect((await get('/_emulator/clock?scope=openai:sk-query')).body.scope).toBe('openai:sk-query');
    const state = await get('/_emulator/dashboard/state?dialect=azure-sora1&status=queued&limit=10&offset=0');
    expect(state.status).toBe(200);
    expect(state.body.jobs.data.map((j: { dialect: string }) => j.dialect)).toEqual(['azure-sora1']);
  });
});

describe('the OpenAPI document', () => {
  it('lists the query parameters the routes read, with their allowed values', async () => {
    const doc = (await get('/_emulator/openapi.json')).body;
    const params = (path: string) =>
      Object.fromEntries(
        doc.paths[path].get.parameters.map((p: { name: string; in: string; schema: unknown }) => [
          p.name,
          { in: p.in, ...(p.schema as object) },
        ]),
      );
    expect(params('/_emulator/jobs')).toMatchObject({
      kind: { in: 'query', enum: ['sora1', 'sora2'] },
      limit: { in: 'query', type: 'integer', minimum: 1, maximum: 10_000, default: 1000 },
      partition: { in: 'query', type: 'string', minLength: 1 },
      after: { in: 'query', type: 'string' },
    });
    expect(Object.keys(params('/_emulator/clock'))).toEqual(['scope']);
  });
});
