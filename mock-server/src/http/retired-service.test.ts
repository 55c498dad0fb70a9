/**
 * The retired mode: `retired` (the `--retired` flag), the control API and `retireModel` make a
 * dialect answer every route as a shut-down service, in its own envelope, which the adapter
 * core reads as ServiceRetiredError.
 */
import { errorFromResponse, ServiceRetiredError } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { parseServeArgs, ServeUsageError } from '../cli/serve-options.js';
import { createEmulator } from '../emulator.js';
import { RETIRED_SERVICE_MESSAGES } from './retired-service.js';

const openai = { authorization: 'Bearer sk-retired', 'content-type': 'application/json' };
const azure = { 'api-key': 'azure-key', 'content-type': 'application/json' };

describe('retired services', () => {
  it('answers every OpenAI Sora 2 route as shut down, before auth, while Azure keeps serving', async () => {
    const emulator = createEmulator({ clock: 'manual', retired: ['openai-sora2'] });
    const answers = await Promise.all([
      emulator.app.request('/v1/videos', { method: 'POST', headers: openai, body: '{"prompt":"x"}' }),
      emulator.app.request('/v1/videos', { headers: openai }),
      emulator.app.request('/v1/videos/video_123/content'),
      emulator.app.request('/v1/videos/edits', { method: 'POST', headers: openai, body: '{}' }),
      emulator.app.request('/v1/videos/characters/char_1', { headers: openai }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
      expect(await answer.json()).toEqual({
        error: {
          message: RETIRED_SERVICE_MESSAGES['openai-sora2'],
          type: 'invalid_request_error',
          param: null,
          code: 'service_retired',
        },
      });
    }
    const azureAnswer = await emulator.app.request('/openai/v1/videos', {
      method: 'POST',
      headers: azure,
      body: '{"prompt":"x"}',
    });
    expect(azureAnswer.status).toBe(200);
  });

  it('is switched on and off by the control API and retireModel, in each dialect envelope, and read as ServiceRetiredError', async () => {
    const emulator = createEmulator({ clock: 'manual', retired: ['openai-sora2'] });
    const control = (body: unknown) =>
      emulator.app.request('/_emulator/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await control({ type: 'retired_service', service: 'azure-sora1', status: 410 })).status,
    ).toBeLessThan(300);
    const sora1 = await emulator.app.request('/openai/v1/video/generations/jobs?api-version=preview', {
      method: 'POST',
      headers: azure,
      body: JSON.stringify({ prompt: 'x', model: 'sora', width: 480, height: 480 }),
    });
    const body = await sora1.json();
    expect([sora1.status, body.error.code, body.error.message]).toEqual([
      410,
      'service_retired',
      RETIRED_SERVICE_MESSAGES['azure-sora1'],
    ]);
    const error = errorFromResponse({ status: sora1.status, body, backend: 'azure-sora1' });
    expect(ServiceRetiredError.isInstance(error)).toBe(true);
    expect([error.backend, error.isRetryable]).toEqual(['azure-sora1', false]);

    emulator.control.faults.retireModel('azure-sora2', { message: 'gone for good' });
    const azureAnswer = await emulator.app.request('/openai/v1/videos', { headers: azure });
    expect([azureAnswer.status, (await azureAnswer.json()).error.message]).toEqual([404, 'gone for good']);
    expect((await (await emulator.app.request('/_emulator/faults')).json()).retired_services).toEqual([
      { service: 'openai-sora2', status: 404 },
      { service: 'azure-sora1', status: 410 },
      { service: 'azure-sora2', status: 404, message: 'gone for good' },
    ]);

    expect((await control({ type: 'restore_service', service: 'azure-sora1' })).status).toBeLessThan(300);
    emulator.control.faults.restoreModel('azure-sora2');
    expect((await emulator.app.request('/openai/v1/videos', { headers: azure })).status).toBe(200);
    // reset() goes back to the configured retirements.
    emulator.control.faults.restoreService('openai-sora2');
    expect((await emulator.app.request('/v1/videos', { headers: openai })).status).toBe(200);
    emulator.control.reset();
    expect((await emulator.app.request('/v1/videos', { headers: openai })).status).toBe(404);
  });

  it('refuses an unknown service in the control API and on the command line', async () => {
    const emulator = createEmulator({ clock: 'manual' });
    const refused = await emulator.app.request('/_emulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'retired_service', service: 'sora-3' }),
    });
    expect(refused.status).toBe(400);
    expect(parseServeArgs(['--retired', 'openai-sora2,azure-sora2']).emulator.retired).toEqual([
      'openai-sora2',
      'azure-sora2',
    ]);
    expect(() => parseServeArgs(['--retired', 'openai-sora2,sora-3'])).toThrow(ServeUsageError);
    expect(() => parseServeArgs(['--retired', 'openai-sora2,sora-3'])).toThrow(
      '--retired: "sora-3" is not a service; use openai-sora2, azure-sora2, azure-sora1',
    );
  });
});
