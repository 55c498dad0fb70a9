import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  sora1CreateJobBodySchema,
  sora1CreateJobFormFieldsSchema,
  sora1InpaintItemsSchema,
  sora1JobSchema,
  sora2RemixBodySchema,
  sora2VideoListSchema,
  sora2VideoSchema,
  sora2WebhookEventSchema,
} from './index.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as Record<string, unknown>;

/** The five nullable VideoResource fields the OpenAI examples leave out. */
const VIDEO_NULLS = {
  completed_at: null,
  expires_at: null,
  prompt: null,
  remixed_from_video_id: null,
  error: null,
};

interface Rejected {
  /** Why a strict schema must refuse the example as published. */
  reason: string;
  /** The smallest change that makes it valid, proving the reason is the only problem. */
  repair: (example: Record<string, unknown>) => unknown;
}

interface Case {
  schema: z.ZodType;
  rejected?: Rejected;
}

const cases: Record<string, Case> = {
  'azure-sora1-inpaint-items-image.multipart-field.json': { schema: sora1InpaintItemsSchema },
  'azure-sora1-inpaint-items-video.multipart-field.json': { schema: sora1InpaintItemsSchema },
  'azure-sora1-job-create-strings.third-party.request.json': { schema: sora1CreateJobBodySchema },
  'azure-sora1-job-create-text.request.json': { schema: sora1CreateJobBodySchema },
  'azure-sora1-job-created-201.third-party.response.json': { schema: sora1JobSchema },
  'azure-sora1-job-created.response.json': { schema: sora1JobSchema },
  'azure-sora1-job-running.third-party.response.json': { schema: sora1JobSchema },
  'azure-sora1-job-succeeded.third-party.response.json': { schema: sora1JobSchema },
  'azure-sora1-multipart-create.fields.json': {
    schema: sora1CreateJobFormFieldsSchema,
    rejected: {
      reason: 'the `_note` key was added by the spec curators and is not a form field',
      repair: ({ _note, ...fields }) => fields,
    },
  },
  'openai-video-create.response.example.json': {
    schema: sora2VideoSchema,
    rejected: {
      reason:
        '`quality` is not a VideoResource field (ruling 10), and the example omits the five required nullable fields',
      repair: ({ quality, ...video }) => ({ ...VIDEO_NULLS, ...video }),
    },
  },
  'openai-video-guide-create.response.example.json': {
    schema: sora2VideoSchema,
    rejected: {
      reason:
        'the guide abridges the object: completed_at, expires_at, prompt, remixed_from_video_id, error are missing',
      repair: (video) => ({ ...VIDEO_NULLS, ...video }),
    },
  },
  'openai-video-guide-in-progress.response.example.json': {
    schema: sora2VideoSchema,
    rejected: {
      reason: 'abridged like the create example: the five nullable fields are missing',
      repair: (video) => ({ ...VIDEO_NULLS, ...video }),
    },
  },
  'openai-video-list.response.example.json': {
    schema: sora2VideoListSchema,
    rejected: {
      reason:
        'the list omits first_id, last_id and has_more, and its video is partial (no progress, timestamps, size, seconds)',
      repair: (list) => ({
        ...list,
        first_id: 'video_123',
        last_id: 'video_123',
        has_more: false,
        data: (list.data as object[]).map((video) => ({
          ...VIDEO_NULLS,
          progress: 100,
          created_at: 1712697600,
          size: '720x1280',
          seconds: '4',
          ...video,
        })),
      }),
    },
  },
  'openai-video-remix.request.example.json': { schema: sora2RemixBodySchema },
  'openai-video-remix.response.example.json': {
    schema: sora2VideoSchema,
    rejected: {
      reason: 'abridged: completed_at, expires_at, prompt and error are missing',
      repair: (video) => ({ ...VIDEO_NULLS, ...video }),
    },
  },
  'openai-video-webhook.payload.example.json': { schema: sora2WebhookEventSchema },
};

describe('shared/specs examples against the strict wire schemas', () => {
  it('classifies every fixture (a new example must be added to this table)', () => {
    const files = readdirSync(fixtures).filter((name) => name.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, { schema, rejected }] of Object.entries(cases)) {
    if (rejected === undefined) {
      it(`${name} parses`, () => {
        const result = schema.safeParse(load(name));
        expect(result.error?.issues ?? []).toEqual([]);
      });
    } else {
      it(`${name} is rejected as published: ${rejected.reason}`, () => {
        expect(schema.safeParse(load(name)).success).toBe(false);
        const repaired = schema.safeParse(rejected.repair(load(name)));
        expect(repaired.error?.issues ?? []).toEqual([]);
      });
    }
  }

  it('coerces numeric strings of the Sora 1 create body to numbers', () => {
    expect(
      sora1CreateJobBodySchema.parse(load('azure-sora1-job-create-strings.third-party.request.json')),
    ).toEqual({
      model: 'my-sora-model',
      prompt: 'A rocket landing on mars',
      height: 1080,
      width: 1080,
      n_seconds: 5,
      n_variants: 1,
    });
  });
});
