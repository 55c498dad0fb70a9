import { errorFromResponse, ModelRetiredError } from '@sora-kit/core';
import { sora2ErrorResponseSchema, sora2VideoSchema } from '@sora-kit/core/wire';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator.js';
import type { EmulatorOptions } from '../../emulator-options.js';
import { encodeJpeg } from '../../media/image/jpeg.js';
import { encodeWebp } from '../../media/image/webp-encoder.js';

const KEY = 'sk-test';
const jpeg = (width: number, height: number) =>
  encodeJpeg(new Uint8Array(width * height * 4).fill(128), width, height) as Uint8Array<ArrayBuffer>;
const dataUrl = (bytes: Uint8Array, type: string) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ clock: 'manual', seed: 'create', ...options });
  const post = (body: unknown, init: { path?: string; headers?: Record<string, string> } = {}) =>
    emulator.app.request(init.path ?? '/v1/videos', {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...init.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const postForm = (
    form: FormData,
    path = '/v1/videos',
    headers: Record<string, string> = { authorization: `Bearer ${KEY}` },
  ) => emulator.app.request(path, { method: 'POST', headers, body: form });
  return { emulator, post, postForm };
}

async function expectError(res: Response, status: number, param: string | null) {
  expect(res.status).toBe(status);
  expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  const body = sora2ErrorResponseSchema.parse(await res.json());
  expect(body.error.param).toBe(param);
  return body.error;
}

describe('POST /v1/videos: success', () => {
  it('creates from JSON with defaults; the body passes the strict schema', async () => {
    const { post } = setup();
    const res = await post({ prompt: 'a red balloon' });
    expect(res.status).toBe(200);
    const video = sora2VideoSchema.parse(await res.json());
    expect(video).toMatchObject({
      model: 'sora-2',
      status: 'queued',
      progress: 0,
      size: '720x1280',
      seconds: '4',
    });
    expect(video).toMatchObject({
      completed_at: null,
      expires_at: null,
      remixed_from_video_id: null,
      error: null,
    });
    expect(video.id).toMatch(/^video_[0-9a-f]+$/);
  });

  it('creates from multipart with an uploaded input_reference (type sniffed from bytes)', async () => {
    const { postForm, emulator } = setup();
    const form = new FormData();
    form.set('prompt', 'a lake');
    form.set('model', 'sora-2-pro');
    form.set('size', '1792x1024');
    form.set('seconds', '8');
    form.set(
      'input_reference',
      new File([jpeg(1792, 1024)], 'ref.bin', { type: 'application/octet-stream' }),
    );
    const res = await postForm(form);
    expect(res.status).toBe(200);
    const video = sora2VideoSchema.parse(await res.json());
    expect(video).toMatchObject({ model: 'sora-2-pro', size: '1792x1024', seconds: '8' });
    const input = emulator.engine.getJob(`openai:${KEY}`, video.id).job.inputs[0];
    expect(input).toMatchObject({ kind: 'image', mediaType: 'image/jpeg', fileName: 'ref.bin' });
  });

  it('accepts input_reference as a JSON data URL and as bracket-flattened multipart', async () => {
    const { post, postForm } = setup({ quota: 'none' });
    const url = dataUrl(encodeWebp(new Uint8Array(720 * 1280 * 4), 720, 1280), 'image/webp');
    expect((await post({ prompt: 'p', input_reference: { image_url: url } })).status).toBe(200);
    const form = new FormData();
    form.set('prompt', 'p');
    form.set('input_reference[image_url]', url);
    expect((await postForm(form)).status).toBe(200);
  });

  it('the capabilities option widens the table (e.g. 16 s)', async () => {
    const { post } = setup({ capabilities: { overrides: { seconds: [4, 8, 12, 16, 20] } } });
    const video = sora2VideoSchema.parse(await (await post({ prompt: 'p', seconds: '16' })).json());
    expect(video.seconds).toBe('16');
  });

  it('accepts dated model aliases and echoes them', async () => {
    const { post } = setup();
    const video = sora2VideoSchema.parse(
      await (await post({ prompt: 'p', model: 'sora-2-2025-10-06' })).json(),
    );
    expect(video.model).toBe('sora-2-2025-10-06');
  });
});

describe('POST /v1/videos: every invalid field is a 400 naming it', () => {
  const cases: [string, unknown, string | null, string?][] = [
    ['missing prompt', { model: 'sora-2' }, 'prompt', "Missing required parameter: 'prompt'."],
    ['empty prompt', { prompt: '' }, 'prompt'],
    ['prompt too long', { prompt: 'x'.repeat(32001) }, 'prompt'],
    [
      'prompt not a string',
      { prompt: 42 },
      'prompt',
      "Invalid type for 'prompt': expected a string, but got an integer instead.",
    ],
    ['unknown parameter', { prompt: 'p', quality: 'high' }, 'quality', "Unknown parameter: 'quality'."],
    [
      'unknown model',
      { prompt: 'p', model: 'sora-3' },
      'model',
      "Invalid value: 'sora-3'. Supported values are: 'sora-2' and 'sora-2-pro'.",
    ],
    ['size not in the enum', { prompt: 'p', size: '640x480' }, 'size'],
    ['pro size on sora-2', { prompt: 'p', size: '1792x1024' }, 'size'],
    [
      'seconds not in the enum',
      { prompt: 'p', seconds: '5' },
      'seconds',
      "Invalid value: '5'. Supported values are: '4', '8' and '12'.",
    ],
    ['seconds as a number', { prompt: 'p', seconds: 8 }, 'seconds'],
    ['seconds 16 (guide only)', { prompt: 'p', seconds: '16' }, 'seconds'],
    ['input_reference a string', { prompt: 'p', input_reference: 'x' }, 'input_reference'],
    ['input_reference empty', { prompt: 'p', input_reference: {} }, 'input_reference'],
    [
      'input_reference both',
      { prompt: 'p', input_reference: { image_url: 'data:,', file_id: 'f' } },
      'input_reference',
    ],
    [
      'input_reference file_id',
      { prompt: 'p', input_reference: { file_id: 'file_1' } },
      'input_reference.file_id',
    ],
    [
      'input_reference remote URL',
      { prompt: 'p', input_reference: { image_url: 'https://x/y.png' } },
      'input_reference.image_url',
    ],
    ['input_reference unknown key', { prompt: 'p', input_reference: { url: 'x' } }, 'input_reference.url'],
    [
      'input_reference not an image',
      { prompt: 'p', input_reference: { image_url: 'data:image/png;base64,aGVsbG8=' } },
      'input_reference.image_url',
    ],
    [
      'input_reference wrong size',
      { prompt: 'p', input_reference: { image_url: dataUrl(jpeg(1280, 720), 'image/jpeg') } },
      'input_reference.image_url',
      'Inpaint image must match the requested width and height',
    ],
    ['body not an object', [1, 2], null],
  ];
  it.each(cases)('%s', async (_name, body, param, message) => {
    const { post } = setup();
    const error = await expectError(await post(body), 400, param);
    expect(error.type).toBe('invalid_request_error');
    if (message !== undefined) expect(error.message).toBe(message);
  });

  it('a string input_reference in multipart gives the observed invalid_type error', async () => {
    const { postForm } = setup();
    const form = new FormData();
    form.set('prompt', 'p');
    form.set('input_reference', 'not a file');
    const error = await expectError(await postForm(form), 400, 'input_reference');
    expect(error).toEqual({
      message: "Invalid type for 'input_reference': expected a file, but got a string instead.",
      type: 'invalid_request_error',
      param: 'input_reference',
      code: 'invalid_type',
    });
  });

  it('unparseable JSON and unsupported content types are 400s', async () => {
    const { post } = setup();
    await expectError(await post('{"prompt": '), 400, null);
    await expectError(await post('prompt=x', { headers: { 'content-type': 'text/plain' } }), 400, null);
  });
});

describe('POST /v1/videos: auth, quota, size limits', () => {
  it('401 without a key, with a wrong key, and for an api-key header on the OpenAI host', async () => {
    const { emulator, post } = setup({ apiKey: KEY });
    const noKey = await emulator.app.request('/v1/videos');
    expect((await expectError(noKey, 401, null)).message).toMatch(/^You didn't provide an API key/);
    const wrong = await post({ prompt: 'p' }, { headers: { authorization: 'Bearer sk-wrong-key' } });
    expect((await expectError(wrong, 401, null)).code).toBe('invalid_api_key');
    const apiKeyHeader = await emulator.app.request('/v1/videos', { headers: { 'api-key': KEY } });
    await expectError(apiKeyHeader, 401, null);
  });

  it('the third concurrent create is a 429 with retry-after and retry-after-ms; other keys are unaffected', async () => {
    const { post } = setup();
    expect((await post({ prompt: 'one' })).status).toBe(200);
    expect((await post({ prompt: 'two' })).status).toBe(200);
    const refused = await post({ prompt: 'three' });
    const error = await expectError(refused, 429, null);
    expect(error.message).toMatch(/^Too many running tasks/);
    const ms = Number(refused.headers.get('retry-after-ms'));
    expect(ms).toBeGreaterThan(0);
    expect(refused.headers.get('retry-after')).toBe(String(Math.ceil(ms / 1000)));
    expect((await post({ prompt: 'other' }, { headers: { authorization: 'Bearer sk-other' } })).status).toBe(
      200,
    );
  });

  it('413 from Content-Length before reading a JSON body over the limit', async () => {
    const { post } = setup({ limits: { maxJsonBytes: 1000 } });
    const res = await post({ prompt: 'x'.repeat(2000) });
    await expectError(res, 413, null);
  });

  it('413 while streaming a multipart body with no Content-Length, without reading all of it', async () => {
    const { emulator } = setup({ limits: { maxUploadBytes: 64 * 1024 } });
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request('http://localhost/v1/videos', {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit);
    const res = await emulator.app.fetch(request);
    await expectError(res, 413, null);
    expect(pulled).toBeLessThan(10);
  });
});

describe('Azure host /openai/v1/videos', () => {
  it('accepts api-key and Bearer, optional api-version, and echoes the deployment name', async () => {
    const { emulator, post } = setup({ deployments: { 'my-sora': 'sora-2-pro' } });
    const res = await post(
      { prompt: 'p', model: 'my-sora', size: '1792x1024' },
      { path: '/openai/v1/videos?api-version=preview', headers: { authorization: '', 'api-key': KEY } },
    );
    expect(res.status).toBe(200);
    const video = sora2VideoSchema.parse(await res.json());
    expect(video.model).toBe('my-sora');
    expect(video.expires_at).toBeNull();
    const viaBearer = await emulator.app.request(`/openai/v1/videos/${video.id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(viaBearer.status).toBe(200);
    const fromOpenAIHost = await emulator.app.request(`/v1/videos/${video.id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(fromOpenAIHost.status).toBe(404);
  });

  it('any deployment name is served by sora-2 by default, echoed in model and logged once', async () => {
    const lines: string[] = [];
    const { post } = setup({ logLevel: 'info', logger: (_level, message) => lines.push(message) });
    for (const prompt of ['first', 'second']) {
      const res = await post(
        { prompt, model: 'my-sora-model', size: '1280x720' },
        { path: '/openai/v1/videos', headers: { 'api-key': KEY } },
      );
      expect(res.status).toBe(200);
      expect(sora2VideoSchema.parse(await res.json())).toMatchObject({
        model: 'my-sora-model',
        size: '1280x720',
      });
    }
    // sora-2 sizes only: a sora-2-pro size is refused for the unknown (sora-2) deployment.
    const pro = await post(
      { prompt: 'p', model: 'my-sora-model', size: '1792x1024' },
      { path: '/openai/v1/videos', headers: { 'api-key': KEY } },
    );
    expect((await expectError(pro, 400, 'size')).message).toContain("model 'my-sora-model'");
    expect(lines.filter((line) => line.includes("'my-sora-model'"))).toHaveLength(1);
  });

  it('strict mode (deployments given): an unknown deployment is the observed 404', async () => {
    const { post } = setup({ deployments: { 'video-prod': 'sora-2' } });
    const res = await post(
      { prompt: 'p', model: 'sora-3' },
      { path: '/openai/v1/videos', headers: { 'api-key': KEY } },
    );
    expect(await expectError(res, 404, null)).toEqual({
      message:
        "The API deployment 'sora-3' for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
      type: 'video_generation_user_error',
      param: null,
      code: null,
    });
  });

  it('an input_reference of the wrong size is the observed 400 with param null', async () => {
    const { postForm } = setup();
    const form = new FormData();
    form.set('prompt', 'p');
    form.set('model', 'sora-2');
    form.set('size', '1280x720');
    form.set('input_reference', new File([jpeg(720, 1280)], 'ref.jpg', { type: 'image/jpeg' }));
    const res = await postForm(form, '/openai/v1/videos', { 'api-key': KEY });
    expect(await expectError(res, 400, null)).toEqual({
      message: 'Inpaint image must match the requested width and height',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('401 in the Azure wording', async () => {
    const { emulator } = setup({ apiKey: KEY });
    const res = await emulator.app.request('/openai/v1/videos', { headers: { 'api-key': 'nope' } });
    expect((await expectError(res, 401, null)).message).toMatch(
      /^Access denied due to invalid subscription key/,
    );
  });
});

describe('faults seen through the dialect', () => {
  it('a retired model answers its status with code model_retired, which core reads as ModelRetiredError', async () => {
    const { emulator, post } = setup();
    const video = sora2VideoSchema.parse(await (await post({ prompt: 'p' })).json());
    emulator.control.faults.retireModel('sora-2', { status: 410 });
    const created = await post({ prompt: 'p' });
    const error = await expectError(created, 410, null);
    expect(error.code).toBe('model_retired');
    const fetched = await emulator.app.request(`/v1/videos/${video.id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    const body = await fetched.json();
    expect(fetched.status).toBe(410);
    expect(errorFromResponse({ status: 410, body, backend: 'openai-sora2', model: 'sora-2' })).toBeInstanceOf(
      ModelRetiredError,
    );
  });

  it('a moderated prompt is accepted, then fails with error {code, message}', async () => {
    const { emulator, post } = setup();
    emulator.control.faults.setModerationWords(['forbidden']);
    const video = sora2VideoSchema.parse(await (await post({ prompt: 'a forbidden scene' })).json());
    emulator.clock.advance(10_000);
    const res = await emulator.app.request(`/v1/videos/${video.id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    const failed = sora2VideoSchema.parse(await res.json());
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('moderation_blocked');
    expect(res.headers.get('openai-poll-after-ms')).toBeNull();
  });
});
