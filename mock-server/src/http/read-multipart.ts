/**
 * Reads a `multipart/form-data` body with bounded memory, parsing parts as the bytes arrive
 * (`@remix-run/multipart-parser`, web streams only, so the browser/MSW path runs it too).
 *
 * Memory: when the body declares its length, each chunk is copied once into one buffer of that
 * length and the parser is fed views of it, so a file part is a view of that buffer and never
 * copied again (a part much smaller than the body is copied out, so keeping it does not keep the
 * body). Without a declared length (chunked, in-process requests) a part's chunks are joined
 * once when the part ends. Peak: about 1x the body (2x the largest part without a length),
 * plus the socket's chunks awaiting collection.
 *
 * Limits hold while streaming: a 413 as soon as the declared length or the bytes counted exceed
 * `maxBytes`; a malformed body (no boundary, a part without a name, more than
 * {@link MAX_MULTIPART_PARTS} parts, headers over {@link MAX_PART_HEADER_BYTES}, no closing
 * boundary) is a 400 once the body has been read to its end, like a refused field name.
 * @module
 */

import {
  getMultipartBoundary,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MultipartParser,
  type MultipartPart,
} from '@remix-run/multipart-parser';
import { BodyError } from './body-error.js';
import { checkFieldName } from './form-fields.js';
import { bodyChunks } from './host-body.js';
import { UploadForm } from './upload-form.js';
import { UploadedFile } from './uploaded-file.js';

/** Most parts a multipart body may have. */
export const MAX_MULTIPART_PARTS = 1000;

/** Longest header block of one part, bytes. */
export const MAX_PART_HEADER_BYTES = 8 * 1024;

const decoder = new TextDecoder();

function tooLarge(limit: number): BodyError {
  return new BodyError('too_large', `Request body too large: the limit is ${limit} bytes.`, limit);
}

function malformed(detail: string): BodyError {
  return new BodyError(
    'invalid_multipart',
    `We could not parse the multipart body of your request: ${detail}.`,
  );
}

/**
 * The body's bytes as they arrived, copied once into a buffer of the declared length; a part is
 * then located in it and returned as a view. Chunks beyond the declared length (an in-process
 * request can understate it) pass through and their parts are joined instead.
 */
class BodyMirror {
  #bytes: Uint8Array | undefined;
  #length = 0;

  constructor(bytes: Uint8Array | undefined, length = 0) {
    this.#bytes = bytes;
    this.#length = length;
  }

  /** Copies `chunk` in and returns the copy, or `chunk` itself once it no longer fits. */
  add(chunk: Uint8Array): Uint8Array {
    const bytes = this.#bytes;
    if (bytes === undefined || this.#length + chunk.byteLength > bytes.byteLength) return chunk;
    bytes.set(chunk, this.#length);
    this.#length += chunk.byteLength;
    return bytes.subarray(this.#length - chunk.byteLength, this.#length);
  }

  /**
   * A part's content, one Uint8Array: a view of the mirror when one of its chunks is (`kept`:
   * copied out if under half the body), else its chunks joined.
   */
  contentOf(part: MultipartPart, kept: boolean): Uint8Array {
    const bytes = this.#bytes;
    const size = part.size;
    if (bytes !== undefined) {
      let before = 0;
      for (const chunk of part.content) {
        if (chunk.buffer === bytes.buffer) {
          const start = chunk.byteOffset - bytes.byteOffset - before;
          if (start < 0 || start + size > this.#length) break;
          const view = bytes.subarray(start, start + size);
          return kept && size * 2 < bytes.byteLength ? view.slice() : view;
        }
        before += chunk.byteLength;
      }
    }
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const chunk of part.content) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return joined;
  }

  /** Drops the buffer (the body was refused). */
  release(): void {
    this.#bytes = undefined;
  }
}

function addPart(form: UploadForm, part: MultipartPart, mirror: BodyMirror): void {
  let name: string | undefined;
  let filename: string | undefined;
  try {
    name = part.name;
    filename = part.filename;
  } catch {
    throw malformed('a part has headers that are not UTF-8');
  }
  if (name === undefined) throw malformed('a part has no name in its Content-Disposition');
  checkFieldName(name);
  if (filename === undefined) {
    form.append(name, decoder.decode(mirror.contentOf(part, false)));
    return;
  }
  form.append(name, new UploadedFile(mirror.contentOf(part, true), filename, part.mediaType ?? ''));
}

function finished(parser: MultipartParser): boolean {
  try {
    parser.finish();
    return true;
  } catch {
    return false;
  }
}

function asBodyError(error: unknown): BodyError {
  if (BodyError.isInstance(error)) return error;
  if (error instanceof MaxPartsExceededError) return malformed(`more than ${MAX_MULTIPART_PARTS} parts`);
  if (error instanceof MaxHeaderSizeExceededError)
    return malformed(`a part's headers exceed ${MAX_PART_HEADER_BYTES} bytes`);
  const detail = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
  return malformed(detail.charAt(0).toLowerCase() + detail.slice(1));
}

/**
 * Reads and parses a multipart body within `maxBytes`; every field name is checked with
 * `checkFieldName`. @throws BodyError `too_large` (413), `invalid_multipart` or
 * `invalid_field_name` (400)
 * @example
 * const form = await readMultipartBody(request, 50 * 1024 * 1024);
 * const file = form.get('input_reference'); // UploadedFile: file.bytes, file.name, file.type
 */
export async function readMultipartBody(request: Request, maxBytes: number): Promise<UploadForm> {
  const header = request.headers.get('content-length') ?? '';
  const declared = /^\d+$/.test(header) ? Number(header) : undefined;
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
  const boundary = getMultipartBoundary(request.headers.get('content-type') ?? '');
  if (boundary === null) throw malformed('the Content-Type has no boundary');
  const parser = new MultipartParser(boundary, {
    maxHeaderSize: MAX_PART_HEADER_BYTES,
    maxParts: MAX_MULTIPART_PARTS,
    maxFileSize: maxBytes,
    maxTotalSize: maxBytes,
  });
  const form = new UploadForm();
  const mirror = new BodyMirror(declared === undefined ? undefined : new Uint8Array(declared));
  const chunks = bodyChunks(request);
  let failure: unknown;
  let done = false;
  let total = 0;
  for (let chunk = await chunks.read(); chunk !== undefined; chunk = await chunks.read()) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      // The rest is discarded by the server (see lingering-close.ts) after the 413.
      chunks.stop();
      mirror.release();
      throw tooLarge(maxBytes);
    }
    // After a refusal or the closing boundary the rest is only counted (an epilogue is ignored).
    if (failure !== undefined || done || chunk.byteLength === 0) continue;
    try {
      for (const part of parser.write(mirror.add(chunk))) addPart(form, part, mirror);
      done = finished(parser);
    } catch (error) {
      failure = error;
      mirror.release();
    }
  }
  if (failure !== undefined) throw asBodyError(failure);
  if (!done) throw malformed('the body ends before the closing boundary');
  return form;
}
