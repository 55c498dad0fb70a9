/**
 * Scheduling priority of the calling thread (Node, Linux): render workers run below the event
 * loop's thread, so a status poll that arrives during a render gets the CPU first. Node only.
 * @module
 */

import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value render workers run at (0 is normal, 19 the lowest). */
export const RENDER_THREAD_NICE = 10;

/** The kernel id of the calling thread, from `/proc/thread-self`; undefined where there is none. */
export function currentThreadId(): number | undefined {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lowers the calling thread's priority to `nice` (Linux renices one thread when given its id).
 * Never touches the whole process: on the main thread, or where the thread id is unknown or the
 * call is refused, it does nothing. Returns the thread's nice value afterwards, if known.
 * @example
 * lowerThreadPriority(RENDER_THREAD_NICE); // in a worker thread
 */
export function lowerThreadPriority(nice: number): number | undefined {
  const id = currentThreadId();
  if (id === undefined || id === process.pid) return undefined;
  try {
    if (getPriority(id) < nice) setPriority(id, nice);
    return getPriority(id);
  } catch {
    return undefined;
  }
}
