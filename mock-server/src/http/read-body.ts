/**
 * Request bodies with size limits: the Content-Length is checked first, then the stream is
 * counted as it arrives and abandoned once over the limit, so an oversize body is never buffered.
 * @module
 */

import { BodyError } from './body-error.js';
import { checkFieldName } from './form-fields.js';

/** How a body is encoded, from its Content-Type. */
export type BodyEncoding = 'json' | 'multipart' | 'urlencoded' | 'none' | 'other';

/** Classifies a request's Content-Type. */
export function bodyEncoding(request: Request): BodyEncoding {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') return request.body === null ? 'none' : 'other';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'multipart/form-data') return 'multipart';
  if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
  return 'other';
}

function tooLarge(limit: number): BodyError {
  return new BodyError('too_large', `Request body too large: the limit is ${limit} bytes.`, limit);
}

/**
 * Reads at most `maxBytes` of the body. @throws BodyError `too_large` as soon as the
 * Content-Length or the bytes received exceed it.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  // A declared length within the limit bounds the body already (HTTP framing): read it whole.
  // On @hono/node-server this reads the socket directly; `request.body` would first build a full
  // web Request and stream, most of a create's cost.
  if (Number.isFinite(declared)) {
    const whole = new Uint8Array(await request.arrayBuffer());
    // In-process requests (app.fetch, MSW) are not framed by a socket: check what came.
    if (whole.byteLength > maxBytes) throw tooLarge(maxBytes);
    return whole;
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading without cancelling: a cancel destroys the connection under Node before the
      // 413 is written. The rest is discarded by the server (see lingering-close.ts).
      reader.releaseLock();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Reads and parses a JSON body within `maxBytes`. @throws BodyError */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new BodyError('invalid_json', 'We could not parse the JSON body of your request.');
  }
}

/**
 * Reads and parses a multipart (or urlencoded) body within `maxBytes`; every field name is
 * checked with {@link checkFieldName}. Turn it into an object with `formToObject`.
 * @throws BodyError (`invalid_field_name` names the field)
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBodyBytes(request, maxBytes);
  const contentType = request.headers.get('content-type') ?? '';
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new BodyError('invalid_multipart', 'We could not parse the multipart body of your request.');
  }
  for (const name of form.keys()) checkFieldName(name);
  return form;
}
