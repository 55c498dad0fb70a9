/**
 * Text of the progress display: `[#####-----] 42% in_progress` and
 * `waiting for a slot, position 2`.
 * @module
 */

/** Width of the bar between the brackets. */
export const PROGRESS_BAR_WIDTH = 30;

/**
 * Renders the bar for a job's status and percentage (clamped to 0..100).
 * @example
 * renderProgressBar('in_progress', 42, 10); // "[####------] 42% in_progress"
 */
export function renderProgressBar(status: string, progress: number, width = PROGRESS_BAR_WIDTH): string {
  const percent = Math.max(0, Math.min(100, Math.floor(Number.isFinite(progress) ? progress : 0)));
  const filled = Math.round((percent * width) / 100);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${status}`;
}

/**
 * Renders the wait for a concurrency slot (1 = next).
 * @example
 * renderQueuePosition(2); // "waiting for a slot, position 2"
 */
export function renderQueuePosition(position: number): string {
  return `waiting for a slot, position ${position}`;
}
