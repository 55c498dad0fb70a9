import { ValidationError } from '@sora-kit/core';
import { Sora1Provider } from '@sora-kit/sora1';
import { Sora2Provider } from '@sora-kit/sora2';
import { describe, expect, it } from 'vitest';
import { createVideoClient } from './create-video-client.js';
import { backendFromEnv, createVideoClientFromEnv } from './create-video-client-from-env.js';

const AZURE = { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/', AZURE_OPENAI_API_KEY: 'k' };

describe('createVideoClientFromEnv', () => {
  it('infers the backend, with SORA_KIT_BACKEND first', () => {
    expect(backendFromEnv({ OPENAI_API_KEY: 'sk' })).toBe('openai-sora2');
    expect(backendFromEnv({ ...AZURE, OPENAI_API_KEY: 'sk' })).toBe('azure-sora2');
    expect(backendFromEnv({ ...AZURE, SORA_KIT_BACKEND: 'azure-sora1' })).toBe('azure-sora1');
    expect(() => backendFromEnv({})).toThrow(ValidationError);
    expect(() => backendFromEnv({ SORA_KIT_BACKEND: 'sora3' })).toThrow(
      /SORA_KIT_BACKEND=sora3 is not a backend/,
    );
  });

  it('builds an Azure Sora 1 client with the default deployment and normalised endpoint', () => {
    const client = createVideoClientFromEnv({ env: { ...AZURE, SORA_KIT_BACKEND: 'azure-sora1' } });
    expect(client.backend).toBe('azure-sora1');
    expect(client.provider).toBeInstanceOf(Sora1Provider);
    expect(client.provider.model).toBe('sora');
    expect((client.provider as Sora1Provider).baseUrl).toBe('https://res.openai.azure.com/openai/v1');
  });

  it('builds Sora 2 clients for Azure (deployment from the env) and OpenAI', () => {
    const azure = createVideoClientFromEnv({ env: { ...AZURE, AZURE_OPENAI_DEPLOYMENT: 'sora-2-pro' } });
    expect(azure.backend).toBe('azure-sora2');
    expect(azure.provider.model).toBe('sora-2-pro');
    expect(azure.capabilities.model).toBe('sora-2-pro');
    const openai = createVideoClientFromEnv({
      env: { OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
      maxConcurrentJobs: 5,
    });
    expect(openai.provider).toBeInstanceOf(Sora2Provider);
    expect((openai.provider as Sora2Provider).baseURL).toBe('http://127.0.0.1:9/v1');
    expect(openai.gate.limit).toBe(5);
  });

  it('uses Entra ID when no Azure key is set, and names missing variables', () => {
    const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const client = createVideoClientFromEnv({
      env: { AZURE_OPENAI_ENDPOINT: AZURE.AZURE_OPENAI_ENDPOINT, SORA_KIT_BACKEND: 'azure-sora1' },
      credential,
    });
    expect(client.backend).toBe('azure-sora1');
    expect(() => createVideoClientFromEnv({ env: { SORA_KIT_BACKEND: 'azure-sora2' } })).toThrow(
      /AZURE_OPENAI_ENDPOINT/,
    );
    expect(() => createVideoClientFromEnv({ env: { SORA_KIT_BACKEND: 'openai-sora2' } })).toThrow(
      /OPENAI_API_KEY/,
    );
  });

  it('createVideoClient refuses an unknown backend', () => {
    expect(() => createVideoClient({ backend: 'sora3' } as never)).toThrow(ValidationError);
  });
});
