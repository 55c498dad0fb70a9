import { JobFailedError, type SoraBackendId } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClient } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

describe.each<SoraBackendId>(['openai-sora2', 'azure-sora2'])(
  'a failed video on %s: JobFailedError carries Video.error type, param and retry hint',
  (backend) => {
    let driver: EmulatorDriver;
    beforeEach(async () => {
      driver = await startEmulatorDriver();
    });
    afterEach(async () => {
      await driver.close();
    });

    it('a capacity failure with retry headers', async () => {
      driver.emulator.control.failJobs({
        progress: 40,
        code: 'capacity_exceeded',
        message: 'The service is at capacity.',
        type: 'rate_limit_error',
        headers: { 'Retry-After': '30' },
      });
      const error = await driver
        .run(emulatorClient(driver, backend).generate({ prompt: 'a busy harbour' }))
        .catch((e: unknown) => e);
      expect(JobFailedError.isInstance(error)).toBe(true);
      const failed = error as JobFailedError;
      expect(failed).toMatchObject({
        code: 'capacity_exceeded',
        message: 'The service is at capacity.',
        type: 'rate_limit_error',
        param: undefined,
        retryAfterMs: 30_000,
        moderation: false,
      });
      expect(failed.job?.error).toEqual({
        code: 'capacity_exceeded',
        message: 'The service is at capacity.',
        type: 'rate_limit_error',
        retryAfterMs: 30_000,
        headers: { 'retry-after': '30' },
      });
    });

    it('a moderated prompt names the prompt', async () => {
      driver.emulator.control.setModerationWords(['forbidden']);
      const error = await driver
        .run(emulatorClient(driver, backend).generate({ prompt: 'a forbidden dance' }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'moderation_blocked',
        moderation: true,
        type: 'invalid_request_error',
        param: 'prompt',
        retryAfterMs: undefined,
      });
    });
  },
);
