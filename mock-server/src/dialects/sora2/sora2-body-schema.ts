/**
 * Shape checks of Sora 2 request bodies (zod), with issues translated into the OpenAI wording:
 * "Missing required parameter", "Invalid type for", "Unknown parameter", string length errors.
 * Value checks (which sizes, seconds and models) come afterwards from the capability table.
 * @module
 */

import { z } from 'zod';
import { UploadedFile } from '../../http/uploaded-file.js';
import type { WireError } from '../../http/wire-error.js';
import { invalidParam } from './sora2-errors.js';

const imageReference = z.strictObject({
  image_url: z.string().max(20971520).nullish(),
  file_id: z.string().nullish(),
});

const prompt = z.string().min(1).max(32000);

/** `POST /videos`, JSON or multipart (where `input_reference` may be a file). */
export const createBodySchema = z.strictObject({
  prompt,
  model: z.string().nullish(),
  seconds: z.string().nullish(),
  size: z.string().nullish(),
  input_reference: z.union([z.instanceof(UploadedFile), imageReference]).nullish(),
  characters: z.array(z.strictObject({ id: z.string().min(1) })).nullish(),
});

/** The source of an edit or an extension: an uploaded MP4 or `{ id }` of a completed video. */
const videoSource = z.union([z.instanceof(UploadedFile), z.strictObject({ id: z.string().min(1) })]);

/** `POST /videos/edits`, JSON or multipart (`video[id]` or a `video` file). */
export const editBodySchema = z.strictObject({ prompt, video: videoSource });

/** `POST /videos/extensions`: a source video, a prompt and the extension length, nothing else. */
export const extendBodySchema = z.strictObject({ prompt, seconds: z.string(), video: videoSource });

/** `POST /videos/characters` (multipart): a name and a clip. */
export const characterBodySchema = z.strictObject({
  name: z.string().min(1),
  video: z.instanceof(UploadedFile),
});

/** A parsed edit or extension source. */
export type VideoSourceBody = z.infer<typeof videoSource>;

/** `POST /videos/{id}/remix`. */
export const remixBodySchema = z.strictObject({ prompt });

/** A parsed create body. */
export type CreateBody = z.infer<typeof createBodySchema>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof UploadedFile) return 'a file';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function toWireError(issue: z.core.$ZodIssue, body: unknown): WireError {
  const param = issue.path.map(String).join('.') || null;
  const value = valueAt(body, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const prefix = issue.path.length > 0 ? `${issue.path.map(String).join('.')}.` : '';
      return invalidParam(`${prefix}${key}`, `Unknown parameter: '${prefix}${key}'.`, 'unknown_parameter');
    }
    case 'too_small':
      return invalidParam(
        param,
        `Invalid '${param}': empty string. Expected a string with minimum length ${String(issue.minimum)}, but got an empty string instead.`,
        'empty_string',
      );
    case 'too_big':
      return invalidParam(
        param,
        `Invalid '${param}': string too long. Expected a string with maximum length ${String(issue.maximum)}, but got a string with length ${typeof value === 'string' ? value.length : '?'} instead.`,
        'string_above_max_length',
      );
    case 'invalid_union':
      return invalidParam(
        param,
        `Invalid type for '${param}': expected an object or a file, but got ${describe(value)} instead.`,
        'invalid_type',
      );
    default:
      if (value === undefined && issue.code === 'invalid_type') {
        return invalidParam(param, `Missing required parameter: '${param}'.`, 'missing_required_parameter');
      }
      return invalidParam(
        param,
        `Invalid type for '${param}': expected ${issue.code === 'invalid_type' ? `a ${issue.expected}` : 'a valid value'}, but got ${describe(value)} instead.`,
        'invalid_type',
      );
  }
}

/**
 * Parses `body` with `schema` or throws the first issue as a 400 WireError.
 * @throws WireError
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidParam(
      null,
      `Invalid body: expected a JSON object, but got ${describe(body)} instead.`,
      'invalid_type',
    );
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw invalidParam(null, 'Invalid request body.');
  throw toWireError(issue, body);
}
