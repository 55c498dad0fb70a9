/**
 * The OpenAPI 3.1 document of the control API, served at `/_emulator/openapi.json`. Request
 * bodies are generated from the zod schemas the routes validate with; responses are written here.
 * @module
 */

import { z } from 'zod';
import { queryParameters } from './control-query.js';
import {
  advanceClockBody,
  clockQuery,
  faultBody,
  jobsQuery,
  joinClockScopeBody,
  quotaBody,
  setClockBody,
  setTimingBody,
} from './control-schemas.js';

type Schema = Record<string, unknown>;

/** An OpenAPI 3.1 document (only the parts this API uses). */
export interface OpenApiDocument {
  /** `3.1.0`. */
  readonly openapi: string;
  /** Title, version, description. */
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  /** Paths under the server root, e.g. `/_emulator/clock`. */
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Shared schemas. */
  readonly components: { readonly schemas: Readonly<Record<string, Schema>> };
}

const bodySchema = (schema: z.ZodType): Schema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const requestBody = (name: string) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});
const badRequest = json(
  ref('Error'),
  'Invalid body or query parameter: `{ "error": { message, type: "invalid_request_error", param } }`',
);

const clock: Schema = {
  type: 'object',
  required: ['now_ms', 'iso', 'mode', 'speed'],
  properties: {
    now_ms: { type: 'integer', description: 'Emulated time, ms since the epoch.' },
    iso: { type: 'string', format: 'date-time' },
    mode: { type: 'string', enum: ['real', 'manual'] },
    speed: { type: 'number' },
    scope: { type: 'string', description: 'The clock scope reported, when one was asked for.' },
    offset_ms: { type: 'integer', description: 'How far the scope runs ahead of the global clock.' },
  },
};

const faults: Schema = {
  type: 'object',
  required: ['routes', 'latency', 'job_failures', 'moderation_words', 'retired_models', 'retired_services'],
  properties: {
    routes: {
      type: 'array',
      items: { type: 'object' },
      description: 'Route faults with their remaining count.',
    },
    latency: { type: 'array', items: { type: 'object' } },
    job_failures: { type: 'array', items: { type: 'object' }, description: 'With remaining `times`.' },
    moderation_words: { type: 'array', items: { type: 'string' } },
    retired_models: {
      type: 'array',
      items: {
        type: 'object',
        properties: { model: { type: 'string' }, status: { enum: [404, 410] }, message: { type: 'string' } },
      },
    },
    retired_services: {
      type: 'array',
      description: 'Services answering every route as shut down (`--retired`).',
      items: {
        type: 'object',
        properties: {
          service: { type: 'string', enum: ['openai-sora2', 'azure-sora2', 'azure-sora1'] },
          status: { enum: [404, 410] },
          message: { type: 'string' },
        },
      },
    },
  },
};

const job: Schema = {
  type: 'object',
  required: ['id', 'partition', 'kind', 'model', 'status', 'created_at_ms'],
  properties: {
    id: { type: 'string' },
    partition: { type: 'string', description: 'Credential partition, e.g. `openai:<key>` or `azure:<key>`.' },
    kind: { type: 'string', enum: ['sora1', 'sora2'] },
    model: { type: 'string' },
    prompt: { type: 'string' },
    status: {
      type: 'string',
      enum: ['queued', 'preprocessing', 'running', 'processing', 'succeeded', 'failed', 'cancelled', 'gone'],
      description: 'Canonical phase (not a dialect word), or `gone` (deleted / expired, still stored).',
    },
    progress: { type: 'integer' },
    created_at_ms: { type: 'integer' },
    settles_at_ms: { type: 'integer' },
    finished_at_ms: { type: ['integer', 'null'] },
    expires_at_ms: { type: ['integer', 'null'] },
    failure: {
      type: ['object', 'null'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
};

/**
 * Builds the document.
 * @example
 * const doc = controlOpenApiDocument();
 * Object.keys(doc.paths); // ['/_emulator/health', '/_emulator/clock', …]
 */
export function controlOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'sora-kit emulator control API',
      version: '1',
      description:
        'Steers the emulator: clock, reset, job dump, faults, webhook deliveries. Never faulted itself. ' +
        'The same operations exist in-process on `emulator.control`.',
    },
    paths: {
      '/_emulator/health': {
        get: { summary: 'Liveness and a summary', responses: { '200': json({ type: 'object' }, 'Health') } },
      },
      '/_emulator/clock': {
        get: {
          summary: 'Read the clock (`?scope=openai:KEY` or `?scope=NAME`: that clock scope)',
          parameters: queryParameters(clockQuery),
          responses: { '200': json(ref('Clock'), 'The clock'), '400': badRequest },
        },
      },
      '/_emulator/clock/scopes': {
        get: {
          summary: 'Every clock scope: its offset ahead of the global clock, its time and credentials',
          responses: { '200': json({ type: 'object' }, 'Scopes') },
        },
        post: {
          summary: 'Credentials join a named clock scope (their jobs then move only with it)',
          requestBody: requestBody('JoinClockScope'),
          responses: { '200': json({ type: 'object' }, 'The scope'), '400': badRequest },
        },
      },
      '/_emulator/clock/advance': {
        post: {
          summary: 'Move time forward (either mode); webhooks of jobs settled meanwhile are sent',
          requestBody: requestBody('AdvanceClock'),
          responses: { '200': json(ref('Clock'), 'The clock after'), '400': badRequest },
        },
      },
      '/_emulator/clock/set': {
        post: {
          summary: 'Jump forward to a time, switch mode or change speed',
          requestBody: requestBody('SetClock'),
          responses: { '200': json(ref('Clock'), 'The clock after'), '400': badRequest },
        },
      },
      '/_emulator/timing': {
        get: {
          summary: 'The timing of new jobs: profile (realistic, fast or custom) and phase values',
          responses: { '200': json({ type: 'object' }, 'Timing') },
        },
        post: {
          summary: 'Switch the timing profile of jobs created from now on',
          requestBody: requestBody('SetTiming'),
          responses: { '200': json({ type: 'object' }, 'Timing after'), '400': badRequest },
        },
      },
      '/_emulator/reset': {
        post: {
          summary:
            'Clear jobs and faults (back to the configured ones), restart ids; the clock is not touched',
          responses: { '200': json({ type: 'object' }, 'Done') },
        },
      },
      '/_emulator/jobs': {
        get: {
          summary:
            'Stored jobs of every partition (tombstones included), by partition then creation, one page at a time',
          parameters: queryParameters(jobsQuery),
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  now_ms: { type: 'integer' },
                  data: { type: 'array', items: ref('Job') },
                  has_more: { type: 'boolean' },
                  next_cursor: { type: ['string', 'null'] },
                },
              },
              'Jobs',
            ),
            '400': badRequest,
          },
        },
      },
      '/_emulator/quota': {
        get: {
          summary: 'The quota policy in force',
          responses: { '200': json(ref('Quota'), 'Quota policy') },
        },
        post: {
          summary:
            'Replace the quota policy for jobs created from now on (reset restores the configured one)',
          requestBody: requestBody('Quota'),
          responses: { '200': json(ref('Quota'), 'Quota policy after'), '400': badRequest },
        },
      },
      '/_emulator/faults': {
        get: { summary: 'Every fault in force', responses: { '200': json(ref('Faults'), 'Faults') } },
        post: {
          summary: 'Inject one fault (route status, latency, job failure, moderation, retired model)',
          requestBody: requestBody('Fault'),
          responses: { '200': json(ref('Faults'), 'Faults after'), '400': badRequest },
        },
        delete: { summary: 'Remove every fault', responses: { '200': json(ref('Faults'), 'Faults after') } },
      },
      '/_emulator/webhooks': {
        get: {
          summary: 'Ended webhook deliveries (most recent 100)',
          responses: { '200': json({ type: 'object' }, 'Deliveries') },
        },
      },
      '/_emulator/openapi.json': {
        get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1') } },
      },
    },
    components: {
      schemas: {
        AdvanceClock: bodySchema(advanceClockBody),
        JoinClockScope: bodySchema(joinClockScopeBody),
        SetClock: bodySchema(setClockBody),
        SetTiming: bodySchema(setTimingBody),
        Fault: bodySchema(faultBody),
        Quota: bodySchema(quotaBody),
        Clock: clock,
        Faults: faults,
        Job: job,
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              required: ['message', 'type', 'param'],
              properties: {
                message: { type: 'string' },
                type: { type: 'string' },
                param: { type: ['string', 'null'] },
              },
            },
          },
        },
      },
    },
  };
}
