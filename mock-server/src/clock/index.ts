export type { Clock, ClockMode, ControllableClock, TimeSource } from './clock.js';
export type { ClockOptions, RealClockOptions } from './controllable-clock.js';
export {
  createClock,
  createManualClock,
  createRealClock,
  DEFAULT_MANUAL_START_MS,
  MAX_CLOCK_MS,
  MAX_CLOCK_SPEED,
} from './controllable-clock.js';
export { monotonicTimeSource, wallTimeSource } from './system-time.js';
