/**
 * A pool of `worker_threads` that render media off the event loop, so polls and creates keep
 * answering while a video renders. Node only: the browser/MSW path renders in-thread
 * (`renderMediaJob`), and the bytes are the same either way. Workers start on the first render,
 * are unreferenced while idle (they never keep a process alive) and end with `close()`.
 * @module
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { concatBytes } from './concat-bytes.js';
import { type MediaRenderJob, renderMediaJob } from './render-media.js';
import type { RenderWorkerAnswer, RenderWorkerRequest } from './render-worker.js';

/** Options of {@link createRenderPool}. */
export interface RenderPoolOptions {
  /** Worker threads (default: available cores minus one for the event loop, at least 1). */
  size?: number;
}

/** A running pool. */
export interface RenderPool {
  /** Worker threads it starts at most. */
  readonly size: number;
  /**
   * Renders `job` on a worker (in-thread when workers cannot start). Same bytes as
   * {@link renderMediaJob}; `onPart` sees each part (a video's fragments) as the worker sends it.
   */
  render(job: MediaRenderJob, onPart?: (part: Uint8Array) => void): Promise<Uint8Array>;
  /** Whether workers failed, so renders now run in-thread. */
  readonly broken: boolean;
  /** Ends every worker; renders in flight are rejected. Later renders run in-thread. */
  close(): Promise<void>;
}

/** The default pool size: available cores minus one, at least 1. */
export function defaultRenderPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Task {
  readonly request: RenderWorkerRequest;
  readonly onPart: ((part: Uint8Array) => void) | undefined;
  readonly parts: Uint8Array[];
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: Task | null;
}

// Built code runs the .js worker file; from sources (tests) the .ts one, through tsx's loader.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './render-worker.ts' : './render-worker.js', import.meta.url);
const newWorker = (): Worker =>
  fromSource
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); });`,
        { eval: true },
      )
    : new Worker(workerUrl);

/**
 * Creates a pool.
 * @example
 * const pool = createRenderPool();
 * const mp4 = await pool.render({ variant: 'video', width: 1280, height: 720, seconds: 4, audio: true, seed: 'video_1', caption: 'a red balloon' });
 * await pool.close();
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultRenderPoolSize()));
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  // Once a worker fails (e.g. it cannot load its file), every render runs in-thread.
  let broken = false;

  const inThread = (task: Task): void => {
    // A task that already sent parts starts over; its parts so far are the same bytes, skip them.
    let seen = 0;
    const sent = task.parts.length;
    renderMediaJob(task.request.job, (part) => {
      if (seen++ >= sent) task.onPart?.(part);
    }).then(task.resolve, task.reject);
  };
  const fail = (slot: Slot): void => {
    slots.splice(slots.indexOf(slot), 1);
    broken = true;
    if (slot.busy !== null) inThread(slot.busy);
    slot.busy = null;
    for (const task of queue.splice(0)) inThread(task);
    void slot.worker.terminate();
  };
  const start = (): Slot => {
    const worker = newWorker();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (answer: RenderWorkerAnswer) => {
      const task = slot.busy;
      if ('part' in answer) {
        task?.parts.push(answer.part);
        task?.onPart?.(answer.part);
        return;
      }
      slot.busy = null;
      worker.unref();
      if (task !== null) {
        if ('done' in answer) task.resolve(concatBytes(task.parts));
        else task.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name }));
      }
      pump();
    });
    worker.on('error', () => fail(slot));
    worker.on('exit', () => {
      if (slots.includes(slot)) fail(slot);
    });
    worker.unref();
    slots.push(slot);
    return slot;
  };
  const pump = (): void => {
    while (queue.length > 0) {
      const slot = slots.find((s) => s.busy === null) ?? (slots.length < size ? start() : undefined);
      if (slot === undefined) return;
      const task = queue.shift() as Task;
      slot.busy = task;
      slot.worker.ref();
      slot.worker.postMessage(task.request);
    }
  };

  return {
    size,
    get broken() {
      return broken;
    },
    render(job, onPart) {
      if (closed || broken) return renderMediaJob(job, onPart);
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ request: { id: nextId++, job }, onPart, parts: [], resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const ending = slots.splice(0);
      for (const slot of ending) {
        slot.busy?.reject(new Error('the render pool was closed'));
        slot.busy = null;
      }
      for (const task of queue.splice(0)) task.reject(new Error('the render pool was closed'));
      await Promise.all(ending.map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: RenderPool | undefined;

/**
 * The process-wide pool of the default size, started on first use: emulators share it (their
 * `close()` leaves it running; its idle workers never keep the process alive).
 * @example
 * const bytes = await sharedRenderPool().render(job);
 */
export function sharedRenderPool(): RenderPool {
  shared ??= createRenderPool();
  return shared;
}
