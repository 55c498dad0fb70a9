/**
 * The entry of a render worker thread (see render-pool.ts): renders each {@link MediaRenderJob}
 * it is sent and transfers the bytes back, at a lower scheduling priority than the event loop's
 * thread (Linux: nice 10 for this thread). Node only.
 * @module
 */

import { parentPort } from 'node:worker_threads';
import { type MediaRenderJob, renderMediaJob } from './render-media.js';
import { lowerThreadPriority, RENDER_THREAD_NICE } from './thread-priority.js';

/** A request from the pool. */
export interface RenderWorkerRequest {
  /** Matches the answer to the request. */
  readonly id: number;
  /** What to render. */
  readonly job: MediaRenderJob;
}

/** An answer to the pool: the bytes, or the error's name and message. */
export type RenderWorkerAnswer =
  | { readonly id: number; readonly bytes: Uint8Array }
  | { readonly id: number; readonly error: { readonly name: string; readonly message: string } };

// Renders yield the CPU to the event loop's thread (polls, creates) whenever both want it.
lowerThreadPriority(RENDER_THREAD_NICE);

const port = parentPort;
port?.on('message', (request: RenderWorkerRequest) => {
  renderMediaJob(request.job).then(
    (bytes) =>
      port.postMessage({ id: request.id, bytes } satisfies RenderWorkerAnswer, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, error: { name, message } } satisfies RenderWorkerAnswer);
    },
  );
});
