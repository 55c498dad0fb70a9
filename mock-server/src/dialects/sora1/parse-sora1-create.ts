/**
 * Parses both create bodies into a {@link Sora1CreateRequest}: JSON (`CreateVideoGenerationRequest`)
 * and multipart (`CreateVideoGenerationWithMediaRequestMultiPart`: text fields, `inpaint_items`
 * as a JSON string, file parts named `files` or `files[]` matched to items by `file_name`).
 * Integers may be numbers or numeric strings. Every refusal is a 400 naming the field.
 * @module
 */
import { type Capabilities, resolveCapabilities } from '@sora-kit/core';
import {
  type Sora1InpaintItem,
  sora1CreateJobBodySchema,
  sora1CreateJobFormFieldsSchema,
  sora1InpaintItemsSchema,
} from '@sora-kit/core/wire';
import type { z } from 'zod';
import { checkFieldName, type FormValue } from '../../http/form-fields.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import { decodeImage, ImageDecodeError, readImageInfo, readMp4Info } from '../../media/index.js';
import { checkSora1Limits, type Sora1CreateRequest, type Sora1InputItem } from './sora1-create-request.js';
import { badRequest, type Sora1RequestError } from './sora1-request-error.js';

/** Turns the first zod issue into a 400 naming its field. */
function issueError(error: z.ZodError, prefix = ''): Sora1RequestError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = path.length > 0 ? String(path[0]) : '';
  const where = `${prefix}${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  if (issue?.code === 'unrecognized_keys') {
    return badRequest(
      prefix === '' ? (issue.keys[0] ?? '') : prefix,
      `Unrecognized parameter: '${issue.keys.join("', '")}'.`,
    );
  }
  if (issue?.code === 'invalid_type' && issue.input === undefined) {
    return badRequest(
      prefix === '' ? field : prefix,
      `Missing required parameter: '${where.replace(/^\./, '')}'.`,
    );
  }
  return badRequest(
    prefix === '' ? field : prefix,
    `Invalid value for '${where.replace(/^\./, '')}': ${issue?.message ?? 'invalid'}.`,
  );
}

/** Sora 1's capabilities in `@sora-kit/core`'s table: the limits used when the caller passes none. */
const SORA1_CAPABILITIES = resolveCapabilities('azure-sora1');

function finish(
  fields: z.output<typeof sora1CreateJobBodySchema>,
  inputs: readonly Sora1InputItem[],
  capabilities: Capabilities,
): Sora1CreateRequest {
  const request: Sora1CreateRequest = {
    prompt: fields.prompt,
    model: fields.model,
    width: fields.width,
    height: fields.height,
    seconds: fields.n_seconds ?? capabilities.defaultSeconds,
    variants: fields.n_variants ?? capabilities.variants.default,
    inputs,
  };
  checkSora1Limits(request, capabilities);
  return request;
}

/**
 * Parses a JSON create body and checks it against `capabilities` (default: core's `azure-sora1`).
 * @throws Sora1RequestError (400) naming the field
 * @example
 * const request = parseSora1CreateJson({ model: 'sora', prompt: 'a cat', width: 480, height: 480, n_seconds: '5' });
 */
export function parseSora1CreateJson(
  body: unknown,
  capabilities: Capabilities = SORA1_CAPABILITIES,
): Sora1CreateRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('body', 'The request body must be a JSON object.');
  const parsed = sora1CreateJobBodySchema.safeParse(body);
  if (!parsed.success) throw issueError(parsed.error);
  return finish(parsed.data, [], capabilities);
}

function checkCrop(item: Sora1InpaintItem, index: number): void {
  const crop = item.crop_bounds;
  if (crop === undefined) return;
  const left = crop.left_fraction ?? 0;
  const top = crop.top_fraction ?? 0;
  const right = crop.right_fraction ?? 1;
  const bottom = crop.bottom_fraction ?? 1;
  if (!(left < right))
    throw badRequest(
      'inpaint_items',
      `inpaint_items[${index}].crop_bounds: left_fraction must be less than right_fraction.`,
    );
  if (!(top < bottom))
    throw badRequest(
      'inpaint_items',
      `inpaint_items[${index}].crop_bounds: top_fraction must be less than bottom_fraction.`,
    );
}

function parseInpaintItems(text: string | undefined): Sora1InpaintItem[] {
  if (text === undefined || text.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('inpaint_items', 'inpaint_items must be a JSON array (sent as a string form field).');
  }
  const parsed = sora1InpaintItemsSchema.safeParse(json);
  if (!parsed.success) throw issueError(parsed.error, 'inpaint_items');
  parsed.data.forEach(checkCrop);
  return parsed.data;
}

async function describeFile(
  item: Sora1InpaintItem,
  file: UploadedFile,
  imageTypes: readonly string[],
): Promise<Sora1InputItem> {
  const { bytes } = file;
  if (item.type === 'image') {
    const info = readImageInfo(bytes);
    if (info === undefined || !imageTypes.includes(info.type)) {
      throw badRequest(
        'files',
        `File '${item.file_name}' is not a supported image: JPEG, PNG or WebP expected (the type is read from its bytes).`,
      );
    }
    // corrupt or truncated: refused; one the emulator merely cannot decode (too large, a
    // variant its decoders lack) is accepted and shown as a named panel
    await decodeImage(bytes).catch((error: unknown) => {
      if (!(error instanceof ImageDecodeError)) throw error;
      if (error.code !== 'corrupt') return;
      throw badRequest(
        'files',
        `File '${item.file_name}' is not a decodable ${info.type} image: ${error.message}`,
      );
    });
    return { item, bytes, mediaType: info.type };
  }
  const video = readMp4Info(bytes);
  if (video === undefined || !video.hasVideo)
    throw badRequest('files', `File '${item.file_name}' is not a readable MP4 video.`);
  return { item, bytes, mediaType: 'video/mp4', video };
}

/**
 * Parses a multipart create body and checks it against `capabilities` (default: core's `azure-sora1`).
 * @throws Sora1RequestError (400) naming the field
 * @example
 * const request = await parseSora1CreateForm(await readFormBody(request, limits.maxUploadBytes));
 */
export async function parseSora1CreateForm(
  form: Iterable<readonly [string, FormValue]>,
  capabilities: Capabilities = SORA1_CAPABILITIES,
): Promise<Sora1CreateRequest> {
  const fields: Record<string, string> = Object.create(null);
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of form) {
    if (name === 'files' || name === 'files[]') {
      if (typeof value === 'string') throw badRequest('files', "Each 'files' part must be a file upload.");
      const fileName = value.name;
      if (files.has(fileName)) throw badRequest('files', `Two files are named '${fileName}'.`);
      files.set(fileName, value);
      continue;
    }
    checkFieldName(name);
    if (typeof value !== 'string') throw badRequest(name, `Form field '${name}' must be text, not a file.`);
    if (Object.hasOwn(fields, name)) throw badRequest(name, `Form field '${name}' is given twice.`);
    fields[name] = value;
  }
  const parsed = sora1CreateJobFormFieldsSchema.safeParse(fields);
  if (!parsed.success) throw issueError(parsed.error);
  const { inpaint_items, ...rest } = parsed.data;
  const items = parseInpaintItems(inpaint_items);
  const used = new Set<string>();
  const inputs: Sora1InputItem[] = [];
  for (const [index, item] of items.entries()) {
    const file = files.get(item.file_name);
    if (file === undefined) {
      throw badRequest(
        'files',
        `inpaint_items[${index}].file_name '${item.file_name}' matches no uploaded file (parts named 'files').`,
      );
    }
    used.add(item.file_name);
    inputs.push(await describeFile(item, file, capabilities.inputs.imageMediaTypes));
  }
  for (const name of files.keys()) {
    if (!used.has(name))
      throw badRequest('inpaint_items', `Uploaded file '${name}' is not referenced by any inpaint item.`);
  }
  return finish(rest, inputs, capabilities);
}
