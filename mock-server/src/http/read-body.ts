/**
 * Request bodies with size limits: the Content-Length is checked first, then the stream is
 * counted as it arrives and abandoned once over the limit, so an oversize body is never buffered.
 * Each request's body is read once; a second reader (the idempotency check, then the route) gets
 * the first read's result.
 * @module
 */

import { BodyError } from './body-error.js';
import { checkFieldName } from './form-fields.js';
import { bodyChunks, useHostBody } from './host-body.js';
import { readMultipartBody } from './read-multipart.js';
import { afterAnswer, type RequestStage } from './request-stage.js';
import { UploadForm } from './upload-form.js';

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

/** What was read of each request, so two readers of one body (middleware, route) share it. */
const reads = new WeakMap<Request, { key: string; read: Promise<unknown> }>();

function readOnce<T>(request: Request, key: string, read: () => Promise<T>): Promise<T> {
  const earlier = reads.get(request);
  if (earlier !== undefined && earlier.key === key) return earlier.read as Promise<T>;
  const started = read();
  reads.set(request, { key, read: started });
  return started;
}

/** Whether the body of `request` was read here (to its end, or up to a 413). */
export function bodyWasRead(request: Request): boolean {
  return reads.has(request);
}

/**
 * Forgets what was read of `request`'s body, so its bytes are not kept while the request object
 * lives on (a keep-alive connection holds it). Called once the answer is ready.
 */
export function forgetBody(request: Request): void {
  reads.delete(request);
}

/**
 * The request stage of the body readers: a request that may carry a body is read from the
 * server's own stream when there is one (`env.incoming` on Node), and what was read of it is
 * forgotten with the answer. Synchronous for a request it has nothing to do with.
 * @example
 * const fetch = chainStages([readBodyStage()], router.fetch);
 */
export function readBodyStage(): RequestStage {
  return (request, env, next) => {
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    useHostBody(request, (env as { incoming?: unknown } | undefined)?.incoming);
    return afterAnswer(next(), (response) => {
      forgetBody(request);
      return response;
    });
  };
}

/**
 * Reads at most `maxBytes` of the body; a second call for the same request answers the first.
 * @throws BodyError `too_large` as soon as the Content-Length or the bytes received exceed it.
 */
export function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  return readOnce(request, `bytes ${maxBytes}`, () => readBytes(request, maxBytes));
}

/** Bodies up to this declared length are read whole in one call. */
const WHOLE_READ_BYTES = 1024 * 1024;

async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  // A small body with a declared length is read whole: on @hono/node-server straight from the
  // socket (`request.body` would first build a full web Request and stream, most of a create's cost).
  if (Number.isFinite(declared) && declared <= WHOLE_READ_BYTES) {
    const whole = new Uint8Array(await request.arrayBuffer());
    // In-process requests (app.fetch, MSW) are not framed by a socket: check what came.
    if (whole.byteLength > maxBytes) throw tooLarge(maxBytes);
    return whole;
  }
  // A larger one is copied as it arrives into one buffer of its declared length (reading it whole
  // would hold its chunks and their concatenation at once); without a length, chunks are joined.
  const buffer = Number.isFinite(declared) ? new Uint8Array(declared) : undefined;
  const rest: Uint8Array[] = [];
  const chunks = bodyChunks(request);
  let filled = 0;
  let total = 0;
  for (let chunk = await chunks.read(); chunk !== undefined; chunk = await chunks.read()) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      // The rest is discarded by the server (see lingering-close.ts) after the 413.
      chunks.stop();
      throw tooLarge(maxBytes);
    }
    if (buffer !== undefined && rest.length === 0 && filled + chunk.byteLength <= buffer.byteLength) {
      buffer.set(chunk, filled);
      filled += chunk.byteLength;
    } else {
      rest.push(chunk);
    }
  }
  if (rest.length === 0) return buffer === undefined ? new Uint8Array(0) : buffer.subarray(0, filled);
  if (buffer === undefined && rest.length === 1) return rest[0] as Uint8Array;
  const out = new Uint8Array(total);
  if (buffer !== undefined) out.set(buffer.subarray(0, filled));
  let offset = filled;
  for (const chunk of rest) {
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
 * Reads and parses a multipart or urlencoded body within `maxBytes` into an {@link UploadForm};
 * every field name is checked with {@link checkFieldName}. Multipart is parsed as it streams
 * (see `read-multipart.ts`): one copy of each part's bytes. Turn it into an object with
 * `formToObject`. A second call for the same request (the idempotency check, then the route)
 * answers the first read.
 * @throws BodyError (`too_large` 413; `invalid_multipart`, `invalid_field_name` naming the field: 400)
 * @example
 * const form = await readFormBody(request, 50 * 1024 * 1024);
 * form.get('prompt'); // 'a cat'
 */
export function readFormBody(request: Request, maxBytes: number): Promise<UploadForm> {
  return readOnce(request, `form ${maxBytes}`, async () => {
    if (bodyEncoding(request) === 'multipart') return readMultipartBody(request, maxBytes);
    const text = new TextDecoder().decode(await readBytes(request, maxBytes));
    const form = new UploadForm();
    for (const [name, value] of new URLSearchParams(text)) {
      checkFieldName(name);
      form.append(name, value);
    }
    return form;
  });
}
