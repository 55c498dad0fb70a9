export type { EmulatorPersistence, PersistedState } from './emulator-persistence.js';
export { compareRecords, type JobStore } from './job-store.js';
export { createMemoryStore } from './memory-store.js';
