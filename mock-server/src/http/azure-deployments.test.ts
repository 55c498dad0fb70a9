/**
 * Azure deployment names over real HTTP: by default any name is served by the route's base
 * model and echoed; with a configured list (strict mode) unknown names get Azure's 404.
 */
import { sora1JobSchema, sora1WrappedErrorSchema } from '@sora-kit/core/wire';
import { AzureOpenAI, NotFoundError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator.js';
import type { EmulatorOptions } from '../emulator-options.js';
import { createDeploymentResolver } from './azure-deployments.js';

const KEY = 'azure-deployments';
const open: Emulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((emulator) => emulator.close()));
});

async function start(options: EmulatorOptions = {}) {
  const lines: string[] = [];
  const emulator = createEmulator({
    clock: 'manual',
    logLevel: 'info',
    logger: (_level, message) => lines.push(message),
    ...options,
  });
  open.push(emulator);
  const { url } = await emulator.listen(0);
  const azure = new AzureOpenAI({
    baseURL: `${url}/openai/v1`,
    apiKey: KEY,
    apiVersion: 'preview',
    maxRetries: 0,
  });
  const createJob = (model: string) =>
    fetch(`${url}/openai/v1/video/generations/jobs?api-version=preview`, {
      method: 'POST',
      headers: { 'api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ model, prompt: 'a lake', width: 480, height: 480 }),
    });
  return { emulator, azure, createJob, lines };
}

describe('lenient mode (default)', () => {
  it('an existing app with its own deployment names works unchanged, each name logged once', async () => {
    const { azure, createJob, lines } = await start();
    const video = await azure.videos.create({ model: 'video-prod', prompt: 'a red balloon' });
    expect(video).toMatchObject({ model: 'video-prod', size: '720x1280', status: 'queued' });
    await azure.videos.create({ model: 'video-prod', prompt: 'again' });
    const job = await createJob('my-sora-model');
    expect(job.status).toBe(201);
    expect(sora1JobSchema.parse(await job.json()).model).toBe('my-sora-model');
    expect(lines.filter((line) => line.includes("'video-prod'"))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("'my-sora-model'"))).toHaveLength(1);
    expect(lines.find((line) => line.includes("'video-prod'"))).toContain("'sora-2'");
  });

  it('the built-in names keep their models', async () => {
    const { azure } = await start();
    const pro = await azure.videos.create({ model: 'sora-2-pro', prompt: 'p', size: '1792x1024' });
    expect(pro.size).toBe('1792x1024');
  });
});

describe('strict mode (deployments given)', () => {
  it('only the configured names exist; others get the faithful 404 on both dialects', async () => {
    const { azure, createJob } = await start({ deployments: { 'video-prod': 'sora-2-pro', jobs: 'sora' } });
    const pro = await azure.videos.create({ model: 'video-prod', prompt: 'p', size: '1792x1024' });
    expect(pro.model).toBe('video-prod');
    const refused = await azure.videos.create({ model: 'sora-2', prompt: 'p' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotFoundError);
    expect((refused as NotFoundError).error).toMatchObject({ type: 'video_generation_user_error' });
    expect((await createJob('jobs')).status).toBe(201);
    const missing = await createJob('my-sora-model');
    expect(missing.status).toBe(404);
    expect(sora1WrappedErrorSchema.parse(await missing.json()).error).toMatchObject({
      code: 'DeploymentNotFound',
      param: 'model',
    });
  });
});

describe('createDeploymentResolver', () => {
  it('looks names up as own properties only', () => {
    const resolve = createDeploymentResolver({ deployments: { sora: 'sora' }, mode: 'strict' });
    for (const name of ['constructor', 'toString', '__proto__'])
      expect(resolve(name, 'sora2')).toBeUndefined();
  });
});
