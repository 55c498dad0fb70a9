/**
 * What a durable emulator needs from its storage, without naming the storage (this file stays
 * browser-safe; the SQLite implementation is `openEmulatorData` in `emulator-data.ts`).
 * Reads are served from memory; every change is written through and committed before the
 * emulator answers.
 * @module
 */

import type { JsonValue } from '../engine/job-record.js';
import type { JobStore } from './job-store.js';

/** Named pieces of emulator state besides the jobs (clock, id streams, faults, webhooks…). */
export type PersistedState = { readonly [key: string]: JsonValue };

/** Durable storage of one emulator: jobs plus named state entries. */
export interface EmulatorPersistence {
  /** Where the state lives (the database file), for messages and the start banner. */
  readonly location: string;
  /** The job store: write-through, reads served from memory. */
  readonly store: JobStore;
  /** The state saved under `key` when the storage was opened, or undefined. */
  readState(key: string): JsonValue | undefined;
  /**
   * Sets where {@link EmulatorPersistence.checkpoint} reads the current state from. Every job
   * write commits a checkpoint in its own transaction, so e.g. a create and the id stream
   * position it advanced are saved together or not at all.
   */
  setStateSource(source: () => PersistedState): void;
  /** Commits the entries of the state source that changed since the last checkpoint. */
  checkpoint(): void;
  /** Removes every job, input and state entry (the emulator's reset). */
  clear(): void;
  /** Checkpoints, then closes the storage (and releases its lock). Safe to call twice. */
  close(): void;
}
