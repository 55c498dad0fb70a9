import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelRetiredError } from '../errors/model-retired-error.js';
import { QuotaExceededError } from '../errors/quota-exceeded-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { VideoApiError } from '../errors/video-api-error.js';
import { createProviderHttp } from './create-provider-http.js';
import { readJsonResponse } from './read-json-response.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

describe('createProviderHttp over a real loopback server', () => {
  let server: Server;
  let base: string;
  let handle: Handler;

  beforeEach(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('latin1');
      request.on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () => handle(request, body, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const echo: Handler = (request, body, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body }),
    );
  };

  it('joins base URL, path and both queries, sends JSON and FormData bodies, auth headers last', async () => {
    handle = echo;
    let calls = 0;
    const http = createProviderHttp({
      backend: 'azure-sora2',
      baseUrl: base,
      query: { 'api-version': 'preview' },
      auth: () => ({ 'api-key': `key-${++calls}` }),
      headers: { 'x-extra': 'yes', 'API-Key': 'overridden', Accept: 'application/json' },
    });
    const json = (await readJsonResponse(
      await http({
        method: 'POST',
        path: '/videos',
        query: { limit: '2', after: undefined },
        body: { a: 1 },
      }),
      'azure-sora2',
    )) as { url: string; headers: Record<string, string>; body: string };
    expect(json.url).toBe('/v1/videos?api-version=preview&limit=2');
    expect(json.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-extra': 'yes',
      'api-key': 'key-1',
    });
    expect(json.body).toBe('{"a":1}');

    const form = new FormData();
    form.append('prompt', 'p');
    form.append('file', new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' }));
    const multipart = (await (
      await http({ method: 'POST', path: '/videos', body: form, headers: { 'Idempotency-Key': 'k' } })
    ).json()) as { headers: Record<string, string>; body: string };
    expect(multipart.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart.headers['idempotency-key']).toBe('k');
    expect(multipart.headers['api-key']).toBe('key-2');
    expect(multipart.body).toContain('filename="a.png"');
  });

  it('refuses a header named __proto__ with a ValidationError naming it (fetch would drop it)', () => {
    const make = () =>
      createProviderHttp({
        backend: 'openai-sora2',
        baseUrl: base,
        auth: () => ({}),
        headers: JSON.parse('{"__proto__":"from-config","x-other":"1"}'),
      });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(/headers.__proto__: a header named __proto__ cannot be sent/);
  });

  it("an error's headers keep names that Object.prototype also has (constructor, __proto__)", async () => {
    handle = (_request, _body, response) => {
      response.writeHead(500, [
        ['content-type', 'application/json'],
        ['constructor', 'c1'],
        ['__proto__', 'p1'],
        ['x-request-id', 'req_1'],
      ]);
      response.end('{"error":{"message":"boom"}}');
    };
    const http = createProviderHttp({ backend: 'openai-sora2', baseUrl: base, auth: () => ({}) });
    const error = await http({ method: 'GET', path: '/videos' })
      .then((response) => readJsonResponse(response, 'openai-sora2'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoApiError);
    const { headers } = error as VideoApiError;
    expect(headers?.constructor).toBe('c1');
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toBe('p1');
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
  });

  it('turns error answers into the core errors with URL, request id and model', async () => {
    const http = createProviderHttp({
      backend: 'openai-sora2',
      baseUrl: base,
      auth: () => ({}),
      model: 'sora-old',
    });
    handle = (_request, _body, response) => {
      response.writeHead(429, {
        'retry-after': '3',
        'x-request-id': 'req-9',
        'content-type': 'application/json',
      });
      response.end(JSON.stringify({ error: { code: 'rate_limit_exceeded', message: 'slow down' } }));
    };
    const limited = await http({ method: 'GET', path: '/videos/v1' }).catch((e) => e);
    expect(QuotaExceededError.isInstance(limited)).toBe(true);
    expect(limited).toMatchObject({
      status: 429,
      retryAfterMs: 3000,
      requestId: 'req-9',
      url: `${base}/videos/v1`,
      backend: 'openai-sora2',
    });

    handle = (_request, _body, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'model_retired', message: 'gone' } }));
    };
    const retired = await http({ method: 'GET', path: '/videos/v1' }).catch((e) => e);
    expect(ModelRetiredError.isInstance(retired)).toBe(true);
    expect(retired).toMatchObject({ model: 'sora-old' });

    handle = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>proxy</html>');
    };
    const html = await http({ method: 'GET', path: '/videos/v1' });
    await expect(readJsonResponse(html, 'openai-sora2')).rejects.toThrow(
      'openai-sora2 returned an unexpected response (not JSON: <html>proxy</html>)',
    );
  });

  it('times out while waiting for the headers only; an abort rejects with its reason', async () => {
    const http = createProviderHttp({
      backend: 'openai-sora2',
      baseUrl: base,
      auth: () => ({}),
      timeoutMs: 100,
    });
    handle = () => {}; // never answers
    const late = await http({ method: 'GET', path: '/videos/v1' }).catch((e) => e);
    expect(VideoApiError.isInstance(late)).toBe(true);
    expect(late).toMatchObject({ status: 0, code: 'timeout', isRetryable: true, url: `${base}/videos/v1` });
    expect(late.message).toBe(
      `network error calling openai-sora2 at ${base}/videos/v1: no answer within 100 ms`,
    );

    // The timeout covers the wait for the headers only: a body that ends well after it still
    // arrives whole. The budget is generous so that a loaded machine still gets the headers in
    // time; the body then ends only after the budget has run out.
    const headersBudgetMs = 1000;
    const patient = createProviderHttp({
      backend: 'openai-sora2',
      baseUrl: base,
      auth: () => ({}),
      timeoutMs: headersBudgetMs,
    });
    handle = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write('first');
      setTimeout(() => response.end('-last'), headersBudgetMs + 200);
    };
    const streamed = await patient({ method: 'GET', path: '/videos/v1/content' });
    expect(await streamed.text()).toBe('first-last');

    handle = () => {};
    const controller = new AbortController();
    const reason = new Error('user stop');
    const pending = http({ method: 'GET', path: '/videos/v1', signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  it('a refused connection is a retryable network error naming the URL and the cause', async () => {
    const url = base;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    const http = createProviderHttp({ backend: 'azure-sora1', baseUrl: url, auth: () => ({}) });
    const offline = await http({ method: 'GET', path: '/jobs' }).catch((e) => e);
    expect(offline).toMatchObject({
      status: 0,
      code: 'network_error',
      isRetryable: true,
      url: `${url}/jobs`,
    });
    expect(offline.message).toMatch(
      /^network error calling azure-sora1 at http:\/\/127\.0\.0\.1:\d+\/v1\/jobs: fetch failed \(.*ECONNREFUSED/,
    );
  });
});
