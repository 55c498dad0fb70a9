/**
 * Reads a Sora 2 request body, JSON or multipart, into one object. Multipart follows the openai
 * SDK's encoding: objects arrive bracket-flattened (`input_reference[image_url]`); the shared
 * `formToObject` builds them without prototypes and refuses reserved names.
 * @module
 */

import type { EmulatorLimits } from '../../emulator-options.js';
import { type FormObject, formToObject } from '../../http/form-fields.js';
import { bodyEncoding, readFormBody, readJsonBody } from '../../http/read-body.js';
import type { UploadForm } from '../../http/upload-form.js';
import { invalidParam } from './sora2-errors.js';

function formBody(form: UploadForm): FormObject {
  const body = formToObject(form);
  if (typeof body.input_reference === 'string') {
    throw invalidParam(
      'input_reference',
      "Invalid type for 'input_reference': expected a file, but got a string instead.",
      'invalid_type',
    );
  }
  return body;
}

/**
 * The body as an object: JSON within `maxJsonBytes`, multipart or urlencoded within
 * `maxUploadBytes`, and `{}` for an empty body.
 * @throws BodyError (413/400) or WireError (400: unsupported content type)
 */
export async function readSora2Body(request: Request, limits: EmulatorLimits): Promise<unknown> {
  const encoding = bodyEncoding(request);
  if (encoding === 'json') return readJsonBody(request, limits.maxJsonBytes);
  if (encoding === 'multipart' || encoding === 'urlencoded') {
    return formBody(await readFormBody(request, limits.maxUploadBytes));
  }
  if (encoding === 'none') return {};
  throw invalidParam(
    null,
    `Invalid Content-Type header (${request.headers.get('content-type') ?? ''}), expected multipart/form-data or application/json.`,
    null,
  );
}
