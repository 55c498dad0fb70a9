/**
 * The entry of a render worker thread (see render-pool.ts): renders each {@link MediaRenderJob}
 * it is sent and transfers each part back as it is produced (a video's fragments one by one), at a lower scheduling priority than the event loop's
 * thread (Linux: nice 10 for this thread). Node only.
 * @module
 */

import { parentPort } from 'node:worker_threads';
import { type MediaRenderJob, renderMediaJobParts } from './render-media.js';
import { lowerThreadPriority, RENDER_THREAD_NICE } from './thread-priority.js';

/** A request from the pool. */
export interface RenderWorkerRequest {
  /** Matches the answer to the request. */
  readonly id: number;
  /** What to render. */
  readonly job: MediaRenderJob;
}

/** A message to the pool: the next part, the end, or the error's name and message (which also ends). */
export type RenderWorkerAnswer =
  | { readonly id: number; readonly part: Uint8Array }
  | { readonly id: number; readonly done: true }
  | { readonly id: number; readonly error: { readonly name: string; readonly message: string } };

// Renders yield the CPU to the event loop's thread (polls, creates) whenever both want it.
lowerThreadPriority(RENDER_THREAD_NICE);

const port = parentPort;
port?.on('message', (request: RenderWorkerRequest) => {
  void (async () => {
    try {
      for await (const part of renderMediaJobParts(request.job))
        port.postMessage({ id: request.id, part } satisfies RenderWorkerAnswer, [part.buffer as ArrayBuffer]);
      port.postMessage({ id: request.id, done: true } satisfies RenderWorkerAnswer);
    } catch (error: unknown) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, error: { name, message } } satisfies RenderWorkerAnswer);
    }
  })();
});
