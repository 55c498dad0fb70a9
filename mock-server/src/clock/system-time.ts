/**
 * The one place that reads the host's clocks. Only composition edges (createRealClock's
 * defaults, the CLI) use it; engine logic never does.
 * @module
 */

import type { TimeSource } from './clock.js';

/** Monotonic host time in milliseconds (`performance.now()`); only differences are meaningful. */
export const monotonicTimeSource: TimeSource = () => performance.now();

/** Host wall-clock time in milliseconds since the Unix epoch (`Date.now()`). */
export const wallTimeSource: TimeSource = () => Date.now();
