import { describe, expect, it } from 'vitest';
import { BodyError } from './body-error.js';
import { bodyEncoding, readBodyBytes, readFormBody, readJsonBody } from './read-body.js';

function streamOf(chunks: number, size: number, onPull: () => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream(
    {
      pull(controller) {
        onPull();
        if (sent++ >= chunks) controller.close();
        else controller.enqueue(new Uint8Array(size).fill(7));
      },
    },
    { highWaterMark: 0 },
  );
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyBytes', () => {
  it('reads a body within the limit', async () => {
    expect(await readBodyBytes(post('hello'), 5)).toEqual(new TextEncoder().encode('hello'));
    expect(await readBodyBytes(new Request('http://localhost/x'), 0)).toEqual(new Uint8Array(0));
  });

  it('refuses from the declared Content-Length without reading the stream', async () => {
    let pulls = 0;
    const request = post(
      streamOf(10, 10, () => pulls++),
      { 'content-length': '100' },
    );
    const error = await readBodyBytes(request, 99).catch((e: unknown) => e);
    expect(BodyError.isInstance(error) && error.kind).toBe('too_large');
    expect(pulls).toBe(0);
  });

  it('reads a body with a declared length whole, and still refuses one that is longer than declared', async () => {
    expect(await readBodyBytes(post('hello', { 'content-length': '5' }), 5)).toEqual(
      new TextEncoder().encode('hello'),
    );
    // An in-process request is not framed by a socket: its header can understate the body.
    const error = await readBodyBytes(post('hello world', { 'content-length': '3' }), 5).catch(
      (e: unknown) => e,
    );
    expect(BodyError.isInstance(error) && error.kind).toBe('too_large');
  });

  it('streams a large declared body into one buffer of that length; an understated length still reads right', async () => {
    const body = new Uint8Array(3 * 1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = i % 253;
    const chunked = (bytes: Uint8Array) => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(offset, offset + 70_000));
          offset += 70_000;
        },
      });
    };
    const read = await readBodyBytes(post(chunked(body), { 'content-length': String(body.length) }), 4 << 20);
    expect(Buffer.from(read).equals(Buffer.from(body))).toBe(true);
    expect(read.buffer.byteLength).toBe(body.length);
    const understated = await readBodyBytes(
      post(chunked(body), { 'content-length': String(2 << 20) }),
      4 << 20,
    );
    expect(Buffer.from(understated).equals(Buffer.from(body))).toBe(true);
    const error = await readBodyBytes(
      post(chunked(body), { 'content-length': String(2 << 20) }),
      5 << 19,
    ).catch((e: unknown) => e);
    expect(BodyError.isInstance(error) && error.kind).toBe('too_large');
  });

  it('stops counting a chunked body as soon as it passes the limit', async () => {
    let pulls = 0;
    const error = await readBodyBytes(post(streamOf(1000, 1024, () => pulls++)), 4096).catch(
      (e: unknown) => e,
    );
    expect(BodyError.isInstance(error) && error.limit).toBe(4096);
    expect(pulls).toBeLessThanOrEqual(6);
  });
});

describe('JSON and multipart', () => {
  it('parses JSON and reports invalid JSON', async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ a: 1 });
    const error = await readJsonBody(post('{"a":'), 100).catch((e: unknown) => e);
    expect(BodyError.isInstance(error) && error.kind).toBe('invalid_json');
  });

  it('parses multipart with files and reports garbage', async () => {
    const form = new FormData();
    form.set('prompt', 'p');
    form.set('file', new File([new Uint8Array([1, 2, 3])], 'a.bin'));
    const request = new Request('http://localhost/x', { method: 'POST', body: form });
    expect(bodyEncoding(request)).toBe('multipart');
    const parsed = await readFormBody(request, 10_000);
    expect(parsed.get('prompt')).toBe('p');
    expect(parsed.get('file')).toMatchObject({ name: 'a.bin', bytes: new Uint8Array([1, 2, 3]) });
    const bad = post('nonsense', { 'content-type': 'multipart/form-data; boundary=zzz' });
    const error = await readFormBody(bad, 10_000).catch((e: unknown) => e);
    expect(BodyError.isInstance(error) && error.kind).toBe('invalid_multipart');
  });

  it('classifies content types', () => {
    expect(bodyEncoding(post('{}', { 'content-type': 'application/json; charset=utf-8' }))).toBe('json');
    expect(bodyEncoding(post('a=b', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe(
      'urlencoded',
    );
    expect(bodyEncoding(post('x', { 'content-type': 'text/plain' }))).toBe('other');
    expect(bodyEncoding(new Request('http://localhost/x'))).toBe('none');
  });
});
