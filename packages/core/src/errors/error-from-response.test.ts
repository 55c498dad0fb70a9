import { describe, expect, it } from 'vitest';
import {
  errorFromResponse,
  ModelRetiredError,
  NotFoundError,
  QuotaExceededError,
  readErrorEnvelope,
  ServiceRetiredError,
  VideoApiError,
} from './index.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('errorFromResponse', () => {
  it('reads the OpenAI envelope (observed 400 invalid_type) with x-request-id', () => {
    const body = {
      error: {
        message: "Invalid type for 'input_reference': expected a file, but got a string instead.",
        type: 'invalid_request_error',
        param: 'input_reference',
        code: 'invalid_type',
      },
    };
    const error = errorFromResponse({
      status: 400,
      headers: new Headers({ 'x-request-id': 'req_123', 'content-type': 'application/json' }),
      body: JSON.stringify(body),
      url: 'https://api.openai.com/v1/videos',
      backend: 'openai-sora2',
    });
    expect(error.constructor).toBe(VideoApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_type',
      param: 'input_reference',
      type: 'invalid_request_error',
      requestId: 'req_123',
      isRetryable: false,
      body,
      url: 'https://api.openai.com/v1/videos',
      backend: 'openai-sora2',
      message: body.error.message,
    });
    expect(error.headers?.['content-type']).toBe('application/json');
  });

  it('reads the Azure wrapped envelope with null code and apim-request-id', () => {
    const error = errorFromResponse({
      status: 400,
      headers: { 'apim-request-id': 'apim-1' },
      body: {
        error: {
          message: 'Inpaint image must match the requested width and height',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    });
    expect([error.message, error.code, error.param, error.requestId]).toEqual([
      'Inpaint image must match the requested width and height',
      undefined,
      undefined,
      'apim-1',
    ]);
  });

  it('reads the flat Azure Sora 1 envelope (ruling 2) including inner_error', () => {
    const error = errorFromResponse({
      status: 400,
      body: {
        code: 'invalid_request',
        message: 'Video inpaint items must have clip start frame less than clip end frame.',
        param: 'inpaint_items',
        type: 'invalid_request_error',
        inner_error: { code: 'ResponsibleAIPolicyViolation' },
      },
    });
    expect([error.code, error.param, error.message]).toEqual([
      'invalid_request',
      'inpaint_items',
      'Video inpaint items must have clip start frame less than clip end frame.',
    ]);
    expect(readErrorEnvelope({ inner_error: { code: 'ResponsibleAIPolicyViolation' } }).innerCode).toBe(
      'ResponsibleAIPolicyViolation',
    );
  });

  it('maps a 429 "Too many running tasks" to a concurrency quota error with retry-after-ms', () => {
    const error = errorFromResponse({
      status: 429,
      headers: { 'retry-after': '5', 'retry-after-ms': '4500' },
      body: {
        error: { code: 'too_many_requests', message: 'Too many running tasks', param: null, type: 'error' },
      },
      backend: 'azure-sora1',
    });
    expect(QuotaExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      reason: 'concurrency',
      retryAfterMs: 4500,
      isRetryable: true,
    });
  });

  it('maps a flat 429 about concurrent jobs to concurrency, falling back to retry-after seconds', () => {
    const error = errorFromResponse({
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { code: '429', message: 'You can have two video creation jobs running at the same time.' },
    }) as QuotaExceededError;
    expect([error.reason, error.retryAfterMs, error.code]).toEqual(['concurrency', 2000, '429']);
  });

  it('maps an Azure rate-limit 429 to reason rate, with an HTTP-date retry-after', () => {
    const error = errorFromResponse({
      status: 429,
      headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' },
      body: {
        error: {
          code: '429',
          message:
            'Requests to the Create video generation Operation under Azure OpenAI API version preview have exceeded call rate limit of your current pricing tier.',
        },
      },
      now: NOW,
    }) as QuotaExceededError;
    expect([error.reason, error.retryAfterMs]).toEqual(['rate', 7000]);
  });

  it('maps OpenAI insufficient_quota to a non-retryable billing quota error', () => {
    const error = errorFromResponse({
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      },
    }) as QuotaExceededError;
    expect([error.reason, error.isRetryable, error.retryAfterMs]).toEqual(['billing', false, undefined]);
  });

  it('maps 404s to NotFoundError (unknown video, content not ready, missing deployment)', () => {
    const bodies = [
      { error: { message: 'Video not found', type: 'invalid_request_error', param: null, code: null } },
      {
        error: {
          message: 'Video is not ready yet, use GET /v1/videos/{video_id} to check status.',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
      {
        error: {
          message:
            "The API deployment 'sora-2' for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
          type: 'video_generation_user_error',
          param: null,
          code: null,
        },
      },
    ];
    for (const body of bodies) {
      const error = errorFromResponse({ status: 404, body });
      expect(NotFoundError.isInstance(error)).toBe(true);
      expect(ModelRetiredError.isInstance(error)).toBe(false);
      expect(error.isRetryable).toBe(false);
    }
  });

  it('maps 404 and 410 with a retired-model message or code to ModelRetiredError', () => {
    const retired404 = errorFromResponse({
      status: 404,
      body: {
        error: {
          message: 'The model `sora-2` has been deprecated and is no longer available.',
          type: 'invalid_request_error',
          param: 'model',
          code: 'model_not_found',
        },
      },
      model: 'sora-2',
    });
    const retired410 = errorFromResponse({ status: 410, body: { code: 'model_retired', message: 'Gone' } });
    expect(ModelRetiredError.isInstance(retired404)).toBe(true);
    expect((retired404 as ModelRetiredError).model).toBe('sora-2');
    expect(NotFoundError.isInstance(retired404)).toBe(false);
    expect(ModelRetiredError.isInstance(retired410)).toBe(true);
    expect(retired410.status).toBe(410);
    const plain410 = errorFromResponse({ status: 410, body: { error: { message: 'Gone' } } });
    expect([plain410.constructor, ModelRetiredError.isInstance(plain410)]).toEqual([VideoApiError, false]);
  });

  it('maps the service_retired answer to ServiceRetiredError (never retried); a retired model is one too', () => {
    const body = {
      error: {
        message:
          'The Sora 2 models and Videos API were shut down on September 24, 2026 and are no longer available.',
        type: 'invalid_request_error',
        param: null,
        code: 'service_retired',
      },
    };
    const error = errorFromResponse({ status: 404, body, backend: 'openai-sora2', model: 'sora-2' });
    expect(ServiceRetiredError.isInstance(error)).toBe(true);
    expect(ModelRetiredError.isInstance(error)).toBe(false);
    expect(NotFoundError.isInstance(error)).toBe(false);
    expect([error.backend, (error as ServiceRetiredError).model, error.message, error.isRetryable]).toEqual([
      'openai-sora2',
      'sora-2',
      body.error.message,
      false,
    ]);
    expect(errorFromResponse({ status: 410, body, headers: { 'x-should-retry': 'true' } }).isRetryable).toBe(
      false,
    );
    const model = errorFromResponse({ status: 410, body: { code: 'model_retired', message: 'Gone' } });
    expect([ModelRetiredError.isInstance(model), ServiceRetiredError.isInstance(model)]).toEqual([
      true,
      true,
    ]);
    expect(ServiceRetiredError.isInstance(errorFromResponse({ status: 400, body }))).toBe(false);
  });

  it('tolerates empty, non-JSON and odd bodies', () => {
    const empty = errorFromResponse({ status: 502, body: '' });
    expect([empty.message, empty.isRetryable, empty.body]).toEqual(['HTTP 502', true, '']);
    const html = errorFromResponse({ status: 503, body: '<html>Service Unavailable</html>' });
    expect([html.message, html.body]).toEqual([
      '<html>Service Unavailable</html>',
      '<html>Service Unavailable</html>',
    ]);
    expect(errorFromResponse({ status: 500 }).message).toBe('HTTP 500');
    expect(errorFromResponse({ status: 400, body: { error: 'bad thing' } }).message).toBe('bad thing');
    expect(errorFromResponse({ status: 400, body: [1, 2] }).message).toBe('HTTP 400');
    expect(errorFromResponse({ status: 400, body: null }).message).toBe('HTTP 400');
  });

  it('honours x-should-retry', () => {
    expect(errorFromResponse({ status: 500, headers: { 'x-should-retry': 'false' } }).isRetryable).toBe(
      false,
    );
    expect(errorFromResponse({ status: 400, headers: [['X-Should-Retry', 'true']] }).isRetryable).toBe(true);
  });
});
