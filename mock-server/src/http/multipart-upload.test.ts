/**
 * Multipart uploads over real HTTP (the Node server's own body stream): the bytes of an upload
 * arrive intact whatever they contain, a malformed body is a 400 in each dialect's envelope, and
 * an Idempotency-Key compares uploads by content while the body is read once.
 */
import { connect } from 'node:net';
import { sora1WrappedErrorSchema, sora2ErrorResponseSchema } from '@sora-kit/core/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';
import { encodeJpeg } from '../media/image/jpeg.js';

let emulator: Emulator;
let server: EmulatorServer;

beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', logLevel: 'silent', quota: 'none' });
  server = await emulator.listen(0);
});
afterAll(() => emulator.close());

const SORA1 = '/openai/v1/video/generations/jobs?api-version=preview';

const jpegOf = (width: number, height: number) =>
  encodeJpeg(new Uint8Array(width * height * 4).fill(90), width, height);

/** A JPEG followed by bytes that look like multipart framing (decoders stop at the EOI marker). */
function trickyJpeg(width: number, height: number, boundary: string): Uint8Array {
  const image = jpegOf(width, height);
  const tail = new TextEncoder().encode(
    `\r\n--${boundary.slice(0, -1)}X\r\n\r\n--\r\n${'\r'.repeat(300)}Content-Disposition: form-data; name="prompt"\r\n\r\n`,
  );
  const noise = new Uint8Array(2 * 1024 * 1024 + 17);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return new Uint8Array(Buffer.concat([image, tail, noise, tail]));
}

/** Posts raw bytes with the given Content-Type over a socket and returns the status and body. */
function rawPost(path: string, headers: string, contentType: string, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const answer = Buffer.concat(received).toString('utf8');
      resolve({ status: Number(answer.split(' ')[1]), body: answer.slice(answer.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('connect', () => {
      const bytes = Buffer.from(body);
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}Content-Type: ${contentType}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
      );
      socket.end(bytes);
    });
  });
}

describe('multipart uploads over HTTP', () => {
  it('Sora 2: an input_reference whose bytes look like multipart framing arrives byte for byte', async () => {
    const form = new FormData();
    form.set('prompt', 'a lake');
    form.set('size', '720x1280');
    const bytes = trickyJpeg(720, 1280, 'formdata-undici-0');
    form.set(
      'input_reference',
      new File([bytes as Uint8Array<ArrayBuffer>], 'ref.jpg', { type: 'image/jpeg' }),
    );
    const res = await fetch(`${server.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-upload' },
      body: form,
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const input = emulator.engine.getJob('openai:sk-upload', id).job.inputs[0];
    expect(input).toMatchObject({ kind: 'image', mediaType: 'image/jpeg', fileName: 'ref.jpg' });
    expect(Buffer.from(input?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('Sora 1: a files part arrives byte for byte', async () => {
    const bytes = trickyJpeg(64, 64, 'formdata-undici-0');
    const form = new FormData();
    for (const [key, value] of Object.entries({ model: 'sora', prompt: 'p', width: '480', height: '480' }))
      form.set(key, value);
    form.set('inpaint_items', JSON.stringify([{ frame_index: 0, type: 'image', file_name: 'a.jpg' }]));
    form.set('files', new File([bytes as Uint8Array<ArrayBuffer>], 'a.jpg', { type: 'image/jpeg' }));
    const res = await fetch(`${server.url}${SORA1}`, {
      method: 'POST',
      headers: { 'api-key': 'k1' },
      body: form,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const input = emulator.engine.getJob('azure:k1', id).job.inputs[0];
    expect(Buffer.from(input?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each([
    [
      'without its closing boundary',
      '--b\r\nContent-Disposition: form-data; name="prompt"\r\n\r\np\r\n',
      'closing boundary',
    ],
    ['with a nameless part', '--b\r\nContent-Type: text/plain\r\n\r\np\r\n--b--\r\n', 'no name'],
  ])('a body %s is a 400 in each dialect envelope', async (_name, body, why) => {
    const sora2 = await rawPost(
      '/v1/videos',
      'Authorization: Bearer sk-a\r\n',
      'multipart/form-data; boundary=b',
      body,
    );
    expect(sora2.status).toBe(400);
    const openai = sora2ErrorResponseSchema.parse(JSON.parse(sora2.body));
    expect(openai.error).toMatchObject({ type: 'invalid_request_error' });
    expect(openai.error.message).toContain(why);
    const sora1 = await rawPost(SORA1, 'api-key: k\r\n', 'multipart/form-data; boundary=b', body);
    expect(sora1.status).toBe(400);
    const azure = sora1WrappedErrorSchema.parse(JSON.parse(sora1.body));
    expect(azure.error.code).toBe('BadRequest');
    expect(azure.error.message).toContain(why);
  });

  it('Idempotency-Key: the same upload again (another boundary) replays; other bytes are refused', async () => {
    const bytes = trickyJpeg(720, 1280, 'x');
    const send = (image: Uint8Array) => {
      const form = new FormData();
      form.set('prompt', 'a lake');
      form.set('size', '720x1280');
      form.set(
        'input_reference',
        new File([image as Uint8Array<ArrayBuffer>], 'ref.jpg', { type: 'image/jpeg' }),
      );
      return fetch(`${server.url}/v1/videos`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-idem', 'idempotency-key': 'upload-1' },
        body: form,
      });
    };
    const first = await send(bytes);
    const again = await send(bytes);
    expect(first.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const changed = bytes.slice();
    changed[changed.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const other = await send(changed);
    expect(other.status).toBe(422);
    expect(
      emulator.control.jobs().filter(({ record }) => record.partition === 'openai:sk-idem'),
    ).toHaveLength(1);
  });

  it('Idempotency-Key: an upload over the limit is a 413 in the dialect envelope and is not remembered', async () => {
    const small = createEmulator({
      clock: 'manual',
      logLevel: 'silent',
      quota: 'none',
      limits: { maxUploadBytes: 64 * 1024 },
    });
    const smallServer = await small.listen(0);
    try {
      const send = (size: number) => {
        const form = new FormData();
        form.set('prompt', 'a lake');
        form.set('size', '720x1280');
        const image = new Uint8Array(Buffer.concat([jpegOf(720, 1280), new Uint8Array(size)]));
        form.set('input_reference', new File([image], 'ref.jpg', { type: 'image/jpeg' }));
        return fetch(`${smallServer.url}/v1/videos`, {
          method: 'POST',
          headers: { authorization: 'Bearer sk-idem', 'idempotency-key': 'too-big' },
          body: form,
        });
      };
      const refused = await send(128 * 1024);
      expect(refused.status).toBe(413);
      expect(sora2ErrorResponseSchema.parse(await refused.json()).error.type).toBe('invalid_request_error');
      const retried = await send(0);
      expect(retried.status).toBe(200);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
    } finally {
      await small.close();
    }
  });
});
