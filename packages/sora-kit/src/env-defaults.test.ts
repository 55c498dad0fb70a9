import { ValidationError } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVideoClient } from './create-video-client.js';
import { withEnvDefaults } from './env-defaults.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

describe('createVideoClient honours the official SDKs’ environment variables', () => {
  it('fills absent options from the variables; options win', () => {
    const env = {
      OPENAI_API_KEY: 'sk-env',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      AZURE_OPENAI_ENDPOINT: 'https://env.openai.azure.com',
      AZURE_OPENAI_API_KEY: 'az-env',
      OPENAI_API_VERSION: 'preview-env',
    };
    expect(withEnvDefaults({ backend: 'openai-sora2' }, env)).toMatchObject({
      apiKey: 'sk-env',
      baseURL: 'http://127.0.0.1:9/v1',
    });
    expect(withEnvDefaults({ backend: 'openai-sora2', apiKey: 'sk-given' }, env)).toMatchObject({
      apiKey: 'sk-given',
    });
    expect(withEnvDefaults({ backend: 'azure-sora1', deployment: 'sora' }, env)).toMatchObject({
      endpoint: 'https://env.openai.azure.com',
      apiKey: 'az-env',
      apiVersion: 'preview-env',
    });
    const tokenProvider = async () => 'token';
    const entra = withEnvDefaults({ backend: 'azure-sora2', deployment: 'sora-2', tokenProvider }, env);
    expect(entra).not.toHaveProperty('apiKey'); // an auth option given: the key variable is not added
  });

  it('names the option and the variable when neither is set', () => {
    const error = (() => {
      try {
        withEnvDefaults({ backend: 'azure-sora2', deployment: 'sora-2' }, {});
      } catch (e) {
        return e;
      }
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      'endpoint: required for azure-sora2; pass `endpoint` or set AZURE_OPENAI_ENDPOINT',
    );
    expect(() => withEnvDefaults({ backend: 'openai-sora2' }, {})).toThrow(/set OPENAI_API_KEY/);
  });
});

describe('createVideoClient from OPENAI_API_KEY / OPENAI_BASE_URL against the emulator', () => {
  let driver: EmulatorDriver;
  const saved = { ...process.env };
  beforeEach(async () => {
    driver = await startEmulatorDriver();
  });
  afterEach(async () => {
    process.env = { ...saved };
    await driver.close();
  });

  it('creates a job with no connection options at all', async () => {
    process.env.OPENAI_API_KEY = 'sk-from-env';
    process.env.OPENAI_BASE_URL = `${driver.server.url}/v1`;
    const client = createVideoClient({ backend: 'openai-sora2', clock: driver.clock, delay: driver.delay });
    const job = await driver.run(client.create({ prompt: 'a red balloon' }));
    expect(job.status).toBe('queued');
    const [stored] = driver.emulator.control.jobs();
    expect(stored?.record.partition).toMatch(/sk-from-env$/);
  });
});
