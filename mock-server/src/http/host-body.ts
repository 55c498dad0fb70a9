/**
 * The request body as the host server holds it. On Node (`@hono/node-server`), `request.body`
 * is a web stream made with `Readable.toWeb`, which copies every chunk; a large upload then
 * leaves twice its size of garbage behind while it streams. The server's own stream (the
 * `IncomingMessage`, passed to the app as `env.incoming`) is read here instead, chunk by chunk
 * with backpressure. Elsewhere (MSW, `app.fetch`) there is none and `request.body` is read.
 * Duck-typed: no `node:` import, so the browser bundle carries it unchanged.
 * @module
 */

/** The part of a Node readable stream used here. */
interface NodeReadable {
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  readonly readableEnded?: boolean;
}

/** Chunks of a body, pulled one at a time. */
export interface BodyChunks {
  /** The next chunk, or `undefined` at the end. */
  read(): Promise<Uint8Array | undefined>;
  /** Stops reading without cancelling, so the server can still answer and drain the rest. */
  stop(): void;
}

const hostBodies = new WeakMap<Request, NodeReadable>();

function isNodeReadable(value: unknown): value is NodeReadable {
  const stream = value as Partial<NodeReadable> | null;
  return (
    typeof stream === 'object' &&
    stream !== null &&
    typeof stream.on === 'function' &&
    typeof stream.removeListener === 'function' &&
    typeof stream.pause === 'function' &&
    typeof stream.resume === 'function'
  );
}

/**
 * Remembers the host server's body stream of `request` (`env.incoming` on Node); anything else
 * is ignored. @example app.use('*', (c, next) => { useHostBody(c.req.raw, c.env?.incoming); return next(); });
 */
export function useHostBody(request: Request, incoming: unknown): void {
  // A host that read the body already (`rawBody`, as some serverless wrappers do) is left to
  // `request.body`, which @hono/node-server then builds from it.
  if (isNodeReadable(incoming) && !('rawBody' in incoming)) hostBodies.set(request, incoming);
}

function nodeChunks(stream: NodeReadable): BodyChunks {
  const queue: Uint8Array[] = [];
  let ended = stream.readableEnded === true;
  let wake: (() => void) | undefined;
  const onData = (chunk: Uint8Array) => {
    queue.push(chunk);
    stream.pause();
    wake?.();
  };
  // An aborted upload ends here too: what came is parsed, and lacks its closing boundary.
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  const stop = () => {
    stream.removeListener('data', onData);
    stream.removeListener('end', onEnd);
    stream.removeListener('close', onEnd);
    stream.removeListener('error', onEnd);
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onEnd);
  stream.on('error', onEnd);
  return {
    async read() {
      for (;;) {
        const chunk = queue.shift();
        if (chunk !== undefined) return chunk;
        if (ended) {
          stop();
          return undefined;
        }
        const arrived = new Promise<void>((resolve) => {
          wake = resolve;
        });
        stream.resume();
        await arrived;
        wake = undefined;
      }
    },
    stop,
  };
}

/** The body's chunks: the host server's stream when there is one, else `request.body`. */
export function bodyChunks(request: Request): BodyChunks {
  const host = hostBodies.get(request);
  if (host !== undefined) return nodeChunks(host);
  const reader = request.body?.getReader();
  if (reader === undefined) return { read: async () => undefined, stop: () => undefined };
  return {
    async read() {
      const { done, value } = await reader.read();
      return done ? undefined : value;
    },
    // Not `cancel`: a cancel destroys the connection under Node before the answer is written.
    stop: () => reader.releaseLock(),
  };
}
