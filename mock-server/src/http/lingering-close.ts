/**
 * Lingering close for the Node server. When an answer says `Connection: close` while the client
 * is still sending its body (an early 413 or 401), Node would close the socket as soon as the
 * answer is written; the bytes still arriving then make the kernel reset the connection, and a
 * client that writes its whole body before reading gets EPIPE or ECONNRESET instead of the
 * status. Here the socket half-closes after the answer, keeps reading and discarding until the
 * client has sent everything (or `maxLingerMs` passes, or `maxLingerBytes` arrive), and only
 * then closes.
 * @module
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

/** Options of {@link lingerBeforeClose}. */
export interface LingeringCloseOptions {
  /** Longest wait for the rest of a refused body, host ms (default 30 000). */
  readonly maxLingerMs?: number;
  /** Most bytes of a refused body read and discarded before closing anyway (default 1 GiB). */
  readonly maxLingerBytes?: number;
}

const patched = new WeakMap<Socket, { request: IncomingMessage }>();

/**
 * Installs the lingering close on every connection of `server`.
 * @example
 * const server = serve({ fetch: app.fetch, port: 0 });
 * lingerBeforeClose(server);
 */
export function lingerBeforeClose(server: Server, options: LingeringCloseOptions = {}): void {
  const maxLingerMs = options.maxLingerMs ?? 30_000;
  const maxLingerBytes = options.maxLingerBytes ?? 1024 * 1024 * 1024;
  server.on('request', (request: IncomingMessage) => {
    const socket = request.socket;
    const current = patched.get(socket);
    if (current !== undefined) {
      current.request = request;
      return;
    }
    const state = { request };
    patched.set(socket, state);
    const destroySoon = socket.destroySoon.bind(socket);
    socket.destroySoon = () => {
      const pending = state.request;
      if (pending.complete || socket.destroyed) {
        destroySoon();
        return;
      }
      socket.end();
      const timer = setTimeout(() => socket.destroy(), maxLingerMs);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        socket.destroy();
      };
      pending.once('end', done);
      pending.once('close', done);
      socket.once('end', done);
      // Whatever still reads the body (a paused web stream) lets go; the rest is counted and dropped.
      let discarded = 0;
      pending.removeAllListeners('data');
      pending.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > maxLingerBytes) done();
      });
      pending.resume();
    };
  });
}
