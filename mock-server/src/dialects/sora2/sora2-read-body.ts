/**
 * Reads a Sora 2 request body, JSON or multipart, into one plain object. Multipart follows the
 * openai SDK's encoding: objects arrive bracket-flattened (`input_reference[image_url]`).
 * @module
 */

import type { EmulatorLimits } from '../../emulator-options.js';
import { bodyEncoding, readFormBody, readJsonBody } from '../../http/read-body.js';
import { invalidParam } from './sora2-errors.js';

const BRACKETED = /^([^[\]]+)\[([^[\]]*)\]$/;

function formToObject(form: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    const nested = BRACKETED.exec(name);
    if (nested) {
      const [, parent = '', key = ''] = nested;
      const current = body[parent];
      const object =
        current !== null && typeof current === 'object' && !(current instanceof File)
          ? (current as Record<string, unknown>)
          : {};
      object[key] = value;
      body[parent] = object;
      continue;
    }
    if (name === 'input_reference' && typeof value === 'string') {
      throw invalidParam(
        'input_reference',
        "Invalid type for 'input_reference': expected a file, but got a string instead.",
        'invalid_type',
      );
    }
    body[name] = value;
  }
  return body;
}

/**
 * The body as a plain object: JSON within `maxJsonBytes`, multipart or urlencoded within
 * `maxUploadBytes`, and `{}` for an empty body.
 * @throws BodyError (413/400) or WireError (400: unsupported content type)
 */
export async function readSora2Body(request: Request, limits: EmulatorLimits): Promise<unknown> {
  const encoding = bodyEncoding(request);
  if (encoding === 'json') return readJsonBody(request, limits.maxJsonBytes);
  if (encoding === 'multipart' || encoding === 'urlencoded') {
    return formToObject(await readFormBody(request, limits.maxUploadBytes));
  }
  if (encoding === 'none') return {};
  throw invalidParam(
    null,
    `Invalid Content-Type header (${request.headers.get('content-type') ?? ''}), expected multipart/form-data or application/json.`,
    null,
  );
}
