/**
 * The streaming multipart reader against bodies cut at every kind of place: a boundary, a part's
 * headers or a CRLF split across chunks, data that looks like a boundary, bodies with and
 * without a declared length (the one-buffer path and the joining path), an epilogue, and the
 * refusals (413 while streaming, 400 for a malformed body).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyError } from './body-error.js';
import { readMultipartBody } from './read-multipart.js';
import { UploadedFile } from './uploaded-file.js';

const BOUNDARY = '----sora-kit-boundary';
const encoder = new TextEncoder();

type Field =
  | { name: string; text: string }
  | { name: string; file: Uint8Array; filename: string; type: string };

/** Encodes fields as a browser or the openai SDK does (CRLF, a closing boundary, then `epilogue`). */
function encode(fields: readonly Field[], epilogue = '\r\n'): Uint8Array {
  const pieces: Uint8Array[] = [];
  for (const field of fields) {
    const head =
      'text' in field
        ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field.name}"\r\n\r\n`
        : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field.name}"; filename="${field.filename}"\r\nContent-Type: ${field.type}\r\n\r\n`;
    pieces.push(encoder.encode(head), 'text' in field ? encoder.encode(field.text) : field.file);
    pieces.push(encoder.encode('\r\n'));
  }
  pieces.push(encoder.encode(`--${BOUNDARY}--${epilogue}`));
  return new Uint8Array(Buffer.concat(pieces));
}

/** A request whose body arrives in the given chunk sizes (the last chunk takes the rest). */
function request(body: Uint8Array, cuts: readonly number[], declareLength: boolean): Request {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const cut of cuts) {
    if (offset >= body.length) break;
    chunks.push(body.slice(offset, offset + cut));
    offset += cut;
  }
  if (offset < body.length) chunks.push(body.slice(offset));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
  return new Request('http://localhost/x', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      ...(declareLength ? { 'content-length': String(body.length) } : {}),
    },
  } as RequestInit);
}

async function refusal(read: Promise<unknown>): Promise<BodyError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!BodyError.isInstance(error)) throw new Error(`expected a BodyError, got ${String(error)}`);
  return error;
}

/** Bytes that look like the parser's business: CRLFs, dashes and a prefix of the boundary. */
const tricky = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.constantFrom(
        encoder.encode('\r\n'),
        encoder.encode('\r\n--'),
        encoder.encode(`\r\n--${BOUNDARY.slice(0, 9)}`),
        // All of the delimiter but its last byte (a body never contains the delimiter itself).
        encoder.encode(`\r\n--${BOUNDARY.slice(0, -1)}X`),
        encoder.encode(`--${BOUNDARY.slice(0, -1)}X`),
        encoder.encode('\r\n\r\n'),
        encoder.encode('\r'),
      ),
    ),
    { maxLength: 12 },
  )
  .map((pieces) => new Uint8Array(Buffer.concat(pieces)));

describe('readMultipartBody', () => {
  it('property: any chunking, with or without a length, gives back every field byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        tricky,
        fc.string({ maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 40 }),
        fc.boolean(),
        async (file, text, cuts, declareLength) => {
          const body = encode([
            { name: 'prompt', text },
            { name: 'input_reference', file, filename: 'a.png', type: 'image/png' },
            { name: 'tail', text: 'end' },
          ]);
          const form = await readMultipartBody(request(body, cuts, declareLength), 1 << 20);
          expect(form.get('prompt')).toBe(text);
          const got = form.get('input_reference');
          expect(got).toBeInstanceOf(UploadedFile);
          expect(Array.from((got as UploadedFile).bytes)).toEqual(Array.from(file));
          expect(got).toMatchObject({ name: 'a.png', type: 'image/png' });
          expect(form.get('tail')).toBe('end');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a large declared body streams into one buffer: the file part is a view of it, not a copy', async () => {
    const file = new Uint8Array(3 * 1024 * 1024);
    for (let i = 0; i < file.length; i++) file[i] = (i * 7919) % 251;
    file.set(encoder.encode(`\r\n--${BOUNDARY.slice(0, 12)}`), 1000);
    const body = encode([
      { name: 'prompt', text: 'p' },
      { name: 'files', file, filename: 'big.bin', type: 'application/octet-stream' },
    ]);
    const cuts = Array.from({ length: 200 }, (_, i) => 9000 + ((i * 37) % 700));
    const form = await readMultipartBody(request(body, cuts, true), 8 * 1024 * 1024);
    const got = form.get('files') as UploadedFile;
    expect(Buffer.from(got.bytes).equals(Buffer.from(file))).toBe(true);
    expect(got.bytes.buffer.byteLength).toBe(body.length);
    // Without a length the chunks are joined once: the same bytes, in a buffer of their own.
    const joined = (await readMultipartBody(request(body, cuts, false), 8 * 1024 * 1024)).get(
      'files',
    ) as UploadedFile;
    expect(Buffer.from(joined.bytes).equals(Buffer.from(file))).toBe(true);
    expect(joined.bytes.buffer.byteLength).toBe(file.length);
  });

  it('a small file part of a large body is copied out, so keeping it does not keep the body', async () => {
    const body = encode([
      { name: 'padding', text: 'x'.repeat(2 * 1024 * 1024) },
      { name: 'files', file: new Uint8Array([1, 2, 3]), filename: 'a.bin', type: '' },
    ]);
    const form = await readMultipartBody(request(body, [65536], true), 4 * 1024 * 1024);
    const got = form.get('files') as UploadedFile;
    expect(Array.from(got.bytes)).toEqual([1, 2, 3]);
    expect(got.bytes.buffer.byteLength).toBe(3);
  });

  it('ignores an epilogue after the closing boundary, even in a later chunk', async () => {
    const body = encode([{ name: 'prompt', text: 'p' }], '\r\nthis is the epilogue\r\n');
    const closing = body.length - '\r\nthis is the epilogue\r\n'.length;
    const form = await readMultipartBody(request(body, [closing - 1, 1, 3], false), 1024);
    expect(form.get('prompt')).toBe('p');
  });

  it('keeps repeated names in body order; an empty filename is still a file', async () => {
    const body = encode([
      { name: 'files[]', file: new Uint8Array([1]), filename: 'a', type: 'image/png' },
      { name: 'files[]', file: new Uint8Array([2]), filename: '', type: '' },
    ]);
    const form = await readMultipartBody(request(body, [], false), 1024);
    expect(form.getAll('files[]').map((value) => (value as UploadedFile).name)).toEqual(['a', '']);
  });

  it('refuses a body without its closing boundary (400 invalid_multipart), however it is cut', async () => {
    const whole = encode([{ name: 'input_reference', file: new Uint8Array(100), filename: 'a', type: '' }]);
    const cut = whole.slice(0, whole.length - `--${BOUNDARY}--\r\n`.length);
    for (const declareLength of [true, false]) {
      const error = await refusal(readMultipartBody(request(cut, [7, 30], declareLength), 1024));
      expect(error.kind).toBe('invalid_multipart');
      expect(error.message).toContain('closing boundary');
    }
  });

  it('refuses malformed bodies with a 400 that says why', async () => {
    const bad = async (body: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`) => {
      const req = new Request('http://localhost/x', {
        method: 'POST',
        body,
        headers: { 'content-type': contentType },
      });
      return (await refusal(readMultipartBody(req, 1 << 20))).message;
    };
    expect(await bad('x', 'multipart/form-data')).toContain('no boundary');
    expect(await bad('garbage before any boundary')).toContain('initial boundary');
    expect(await bad(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nv\r\n--${BOUNDARY}--`)).toContain(
      'no name',
    );
    const many = `${Array.from({ length: 1001 }, () => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n`).join('')}--${BOUNDARY}--`;
    expect(await bad(many)).toContain('more than 1000 parts');
    const longHeader = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\nX-Pad: ${'p'.repeat(9000)}\r\n\r\nv\r\n--${BOUNDARY}--`;
    expect(await bad(longHeader)).toContain('headers exceed 8192 bytes');
  });

  it('refuses a reserved field name (400 naming it) after reading the body', async () => {
    const body = encode([{ name: '__proto__[prompt]', text: 'x' }]);
    const error = await refusal(readMultipartBody(request(body, [5], true), 1024));
    expect(error).toMatchObject({ kind: 'invalid_field_name', field: '__proto__[prompt]' });
  });

  it('413 as soon as the bytes counted pass the limit, with or without a (too small) declared length', async () => {
    const body = encode([{ name: 'files', file: new Uint8Array(4 * 1024 * 1024), filename: 'a', type: '' }]);
    let pulled = 0;
    for (const declared of [undefined, 1000]) {
      const chunks = Array.from({ length: 64 }, (_, i) => body.slice(i * 65536, (i + 1) * 65536));
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled++;
            const next = chunks.shift();
            if (next === undefined) controller.close();
            else controller.enqueue(next);
          },
        },
        { highWaterMark: 0 },
      );
      pulled = 0;
      const req = new Request('http://localhost/x', {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          ...(declared === undefined ? {} : { 'content-length': String(declared) }),
        },
      } as RequestInit);
      const error = await refusal(readMultipartBody(req, 1024 * 1024));
      expect(error).toMatchObject({ kind: 'too_large', limit: 1024 * 1024 });
      expect(pulled).toBeLessThanOrEqual(18);
    }
  });
});
