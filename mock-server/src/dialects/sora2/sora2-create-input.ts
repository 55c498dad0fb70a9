/**
 * Turns a parsed create body into the engine's input: model, size and seconds checked against
 * the capability table, and the `input_reference` image sniffed, matched to `size` and decoded
 * once to prove it is an image (a corrupt or truncated one is a 400 here, not a panel later).
 * @module
 */

import type { Capabilities } from '@sora-kit/core';
import type { EmulatorContext } from '../../emulator-context.js';
import type { CreateJobInput } from '../../engine/engine.js';
import type { JobInput } from '../../engine/job-record.js';
import { decodeBase64, latin1Bytes } from '../../http/base64.js';
import type { HostFamily } from '../../http/credential.js';
import { UploadedFile } from '../../http/uploaded-file.js';
import { decodeImage } from '../../media/image/decode-image.js';
import { ImageDecodeError } from '../../media/image/image-decode-error.js';
import { readImageInfo } from '../../media/image/image-info.js';
import type { CreateBody } from './sora2-body-schema.js';
import { invalidParam } from './sora2-errors.js';
import { quoteList, resolveSora2Model } from './sora2-model.js';

const INPAINT_MISMATCH = 'Inpaint image must match the requested width and height';

function allowedSeconds(capabilities: Capabilities): (value: number) => boolean {
  const rule = capabilities.seconds;
  return Array.isArray(rule)
    ? (value) => rule.includes(value)
    : (value) => value >= (rule as { min: number }).min && value <= (rule as { max: number }).max;
}

function checkSize(size: string | null | undefined, model: string, capabilities: Capabilities): string {
  const value = size ?? capabilities.defaultSize;
  if (!capabilities.sizes.includes(value as never)) {
    throw invalidParam(
      'size',
      `Invalid value: '${value}'. Supported values for model '${model}' are: ${quoteList(capabilities.sizes)}.`,
    );
  }
  return value;
}

function checkSeconds(seconds: string | null | undefined, capabilities: Capabilities): number {
  const value = seconds ?? String(capabilities.defaultSeconds);
  const number = Number(value);
  if (!/^\d+$/.test(value) || !allowedSeconds(capabilities)(number)) {
    const listed = Array.isArray(capabilities.seconds)
      ? quoteList(capabilities.seconds.map(String))
      : `'${(capabilities.seconds as { min: number }).min}' to '${(capabilities.seconds as { max: number }).max}'`;
    throw invalidParam('seconds', `Invalid value: '${value}'. Supported values are: ${listed}.`);
  }
  return number;
}

function decodeDataUrl(url: string): { bytes: Uint8Array } {
  const match = /^data:([^;,]*)(;[^,]*)?,(.*)$/s.exec(url);
  if (!match) {
    throw invalidParam(
      'input_reference.image_url',
      "Invalid 'input_reference.image_url': the emulator accepts only base64 data URLs (data:image/png;base64,...).",
    );
  }
  const base64 = (match[2] ?? '').split(';').includes('base64');
  const payload = match[3] ?? '';
  return { bytes: base64 ? decodeBase64(payload) : latin1Bytes(decodeURIComponent(payload)) };
}

async function readReference(
  reference: NonNullable<CreateBody['input_reference']>,
): Promise<{ bytes: Uint8Array; fileName?: string; param: string }> {
  if (reference instanceof UploadedFile) {
    return {
      bytes: reference.bytes,
      fileName: reference.name,
      param: 'input_reference',
    };
  }
  const imageUrl = reference.image_url ?? undefined;
  const fileId = reference.file_id ?? undefined;
  if ((imageUrl === undefined) === (fileId === undefined)) {
    throw invalidParam(
      'input_reference',
      "Invalid 'input_reference': provide exactly one of image_url or file_id.",
    );
  }
  if (fileId !== undefined) {
    throw invalidParam(
      'input_reference.file_id',
      `Invalid 'input_reference.file_id': no file with id '${fileId}'.`,
    );
  }
  return { ...decodeDataUrl(imageUrl as string), param: 'input_reference.image_url' };
}

async function checkReference(
  reference: CreateBody['input_reference'],
  host: HostFamily,
  width: number,
  height: number,
  capabilities: Capabilities,
): Promise<JobInput[]> {
  if (reference === undefined || reference === null) return [];
  const { bytes, fileName, param } = await readReference(reference);
  const info = readImageInfo(bytes);
  const accepted = capabilities.inputs.imageMediaTypes;
  if (info === undefined || !accepted.includes(info.type)) {
    throw invalidParam(
      param,
      `Invalid '${param}': unsupported image${info ? ` type '${info.type}'` : ''}; expected one of ${quoteList(accepted)}.`,
      'invalid_image_format',
    );
  }
  if (capabilities.inputs.imageMustMatchSize && (info.width !== width || info.height !== height)) {
    throw host === 'azure'
      ? invalidParam(null, INPAINT_MISMATCH, null)
      : invalidParam(param, INPAINT_MISMATCH, null);
  }
  // corrupt or truncated: refused here. An image this emulator merely cannot decode (over the
  // pixel limit, a variant the decoder lacks, a wasm that cannot load) is accepted and drawn as
  // a named panel.
  await decodeImage(bytes).catch((error: unknown) => {
    if (!(error instanceof ImageDecodeError)) throw error;
    if (error.code !== 'corrupt') return;
    throw invalidParam(
      param,
      `Invalid '${param}': the ${info.type} image could not be decoded (${error.message}).`,
      'invalid_image_format',
    );
  });
  return [{ kind: 'image', mediaType: info.type, bytes, ...(fileName ? { fileName } : {}) }];
}

/** The character ids of a create, checked against the model: supported, and at most `maxPerVideo`. */
function checkCharacters(characters: CreateBody['characters'], capabilities: Capabilities): string[] {
  if (characters === undefined || characters === null) return [];
  if (!capabilities.characters) {
    throw invalidParam('characters', "Unknown parameter: 'characters'.", 'unknown_parameter');
  }
  const max = capabilities.character.maxPerVideo;
  if (characters.length > max) {
    throw invalidParam(
      'characters',
      `Invalid 'characters': array too long. Expected an array with maximum length ${max}, but got an array with length ${characters.length} instead.`,
      'array_above_max_length',
    );
  }
  return characters.map((character) => character.id);
}

/**
 * Validates a create body for a host and partition and builds the engine input.
 * @throws WireError (400/404), ModelRetiredError
 */
export async function toCreateJobInput(
  emulator: EmulatorContext,
  host: HostFamily,
  partition: string,
  body: CreateBody,
): Promise<CreateJobInput> {
  const model = resolveSora2Model(emulator, host, body.model ?? undefined);
  const { capabilities } = model;
  const size = checkSize(body.size, model.name, capabilities);
  const [width = 0, height = 0] = size.split('x').map(Number);
  const seconds = checkSeconds(body.seconds, capabilities);
  const inputs = await checkReference(body.input_reference, host, width, height, capabilities);
  const characters = checkCharacters(body.characters, capabilities);
  return {
    partition,
    kind: 'sora2',
    prompt: body.prompt,
    model: model.name,
    baseModel: capabilities.model,
    width,
    height,
    seconds,
    inputs,
    expiryBasis: host === 'azure' ? 'createdAt' : 'finishedAt',
    metadata: { size },
    ...(characters.length === 0 ? {} : { characters }),
  };
}
