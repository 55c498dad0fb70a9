/**
 * `@sora-kit/emulator/data`: durable emulator state on SQLite (Node only; the main entry stays
 * free of native modules). Pass the result to `createEmulator({ persistence })`.
 * @module
 */
export {
  DATABASE_FILE,
  type EmulatorData,
  EmulatorDataError,
  type EmulatorDataOptions,
  openEmulatorData,
} from './store/emulator-data.js';
export type { EmulatorPersistence, PersistedState } from './store/emulator-persistence.js';
export { APPLICATION_ID, SCHEMA_VERSION } from './store/schema.js';
