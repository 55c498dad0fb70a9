export { compareRecords, type JobStore } from './job-store.js';
export { createMemoryStore } from './memory-store.js';
