export type { CharacterClip, CharacterRecord, CharacterStore } from './character-store.js';
export type { EmulatorPersistence, PersistedState } from './emulator-persistence.js';
export { compareRecords, type JobStore } from './job-store.js';
export { createMemoryCharacterStore } from './memory-character-store.js';
export { createMemoryStore } from './memory-store.js';
