/**
 * Early refusals (413 too large, 401 no key) reach every client: the emulator answers with
 * `Connection: close` and reads and discards what the client is still sending before it closes,
 * so a client that writes its whole body before reading (as many HTTP libraries do) gets the
 * status instead of EPIPE/ECONNRESET. Over a raw TCP socket.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';

const LIMIT = 256 * 1024;
let emulator: Emulator;
let server: EmulatorServer;

beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', limits: { maxUploadBytes: LIMIT, maxJsonBytes: LIMIT } });
  server = await emulator.listen(0);
});
afterAll(() => emulator.close());

/** Writes the request head and the whole body first, then reads the answer: what a naive client does. */
function writeAllThenRead(head: string, bodyBytes: number): Promise<{ answer: string; writeError?: string }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    let writeError: string | undefined;
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      writeError ??= error.code ?? error.message;
    });
    socket.on('close', () => {
      resolve({ answer: Buffer.concat(received).toString('latin1'), ...(writeError ? { writeError } : {}) });
    });
    socket.on('connect', async () => {
      socket.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      for (let sent = 0; sent < bodyBytes && !socket.destroyed; sent += chunk.length) {
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
      }
      socket.end();
    });
  });
}

const multipartHead = (path: string, headers: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\n\r\n`;

describe('early 413 and 401 over a raw socket', () => {
  const BODY = 24 * 1024 * 1024;
  it.each([
    ['Sora 2, too large by Content-Length', '/v1/videos', 'Authorization: Bearer sk-a\r\n', 413],
    [
      'Sora 1, too large by Content-Length',
      '/openai/v1/video/generations/jobs?api-version=preview',
      'api-key: k\r\n',
      413,
    ],
    ['Sora 2, no key', '/v1/videos', '', 401],
    ['Sora 1, no key', '/openai/v1/video/generations/jobs?api-version=preview', '', 401],
  ])('%s: the client writes everything and reads the status', async (_name, path, auth, status) => {
    const { answer, writeError } = await writeAllThenRead(multipartHead(path, auth, BODY), BODY);
    expect(writeError).toBeUndefined();
    expect(answer.split('\r\n')[0]).toBe(
      `HTTP/1.1 ${status} ${status === 413 ? 'Payload Too Large' : 'Unauthorized'}`,
    );
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it.each([
    ['Sora 2 JSON', '/v1/videos', 'Authorization: Bearer sk-a\r\n', 'application/json'],
    ['Sora 2 multipart', '/v1/videos', 'Authorization: Bearer sk-a\r\n', 'multipart/form-data; boundary=x'],
    [
      'Sora 1 multipart',
      '/openai/v1/video/generations/jobs?api-version=preview',
      'api-key: k\r\n',
      'multipart/form-data; boundary=x',
    ],
  ])(
    '%s: a chunked body over the limit is refused while it streams, the same way',
    async (_name, path, auth, type) => {
      const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n`;
      const { answer, writeError } = await new Promise<{ answer: string; writeError?: string }>((resolve) => {
        const socket = connect(server.port, '127.0.0.1');
        const received: Buffer[] = [];
        let error: string | undefined;
        socket.on('data', (chunk) => received.push(chunk));
        socket.on('error', (e: NodeJS.ErrnoException) => {
          error ??= e.code;
        });
        socket.on('close', () =>
          resolve({
            answer: Buffer.concat(received).toString('latin1'),
            ...(error ? { writeError: error } : {}),
          }),
        );
        socket.on('connect', async () => {
          socket.write(head);
          // A multipart body that opens one file part and keeps sending its content.
          socket.write('35\r\n--x\r\nContent-Disposition: form-data; name="files"\r\n\r\n\r\n');
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          for (let i = 0; i < 128 && !socket.destroyed; i++) {
            if (!socket.write(`${chunk.length.toString(16)}\r\n`))
              await new Promise((r) => socket.once('drain', r));
            if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
            socket.write('\r\n');
          }
          socket.end('0\r\n\r\n');
        });
      });
      expect(writeError).toBeUndefined();
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      expect(answer.toLowerCase()).toContain('connection: close');
    },
  );

  it('the server keeps serving afterwards', async () => {
    const res = await fetch(`${server.url}/_emulator/health`);
    expect(res.status).toBe(200);
  });
});
