/**
 * The durable {@link JobStore}: every record lives in memory (reads never touch the disk) and
 * every change is written through to SQLite in one synchronous transaction, committed before
 * `put` / `delete` / `clear` return, so the engine's answer always follows the commit.
 * @module
 */

import type Database from 'better-sqlite3';
import type { JobRecord } from '../engine/job-record.js';
import type { BlobStore } from './blob-store.js';
import type { JobStore } from './job-store.js';
import { createMemoryStore } from './memory-store.js';
import { decodeRecord, encodeRecord } from './record-codec.js';

/** What {@link createSqliteStore} needs. */
export interface SqliteStoreParts {
  /** The open, migrated database. */
  readonly db: Database.Database;
  /** Its blob store. */
  readonly blobs: BlobStore;
  /** Runs inside each write's transaction (the emulator's state checkpoint). */
  readonly inTransaction?: () => void;
}

/**
 * Loads every stored record into memory (one read transaction) and returns the write-through store.
 * @throws MissingBlobError, SyntaxError when a stored record cannot be decoded
 * @example
 * const store = createSqliteStore({ db, blobs: createBlobStore(db) });
 * const engine = createEngine({ store });
 */
export function createSqliteStore(parts: SqliteStoreParts): JobStore {
  const { db, blobs } = parts;
  const memory = createMemoryStore();
  const upsert = db.prepare(
    'INSERT INTO jobs (partition, id, record) VALUES (?, ?, ?) ON CONFLICT (partition, id) DO UPDATE SET record = excluded.record',
  );
  const remove = db.prepare('DELETE FROM jobs WHERE partition = ? AND id = ?');
  const inTransaction = parts.inTransaction ?? (() => {});

  db.transaction(() => {
    const stored = blobs.loadAll();
    const rows = db.prepare('SELECT record FROM jobs').pluck().all() as string[];
    for (const text of rows) memory.put(decodeRecord(text, stored));
  })();

  const write = db.transaction((record: JobRecord) => {
    const previous = memory.get(record.partition, record.id);
    const sameInputs = previous !== undefined && previous.inputs === record.inputs;
    if (previous !== undefined && !sameInputs) blobs.unlinkJob(record.partition, record.id);
    const encoded = encodeRecord(record, (bytes) => blobs.put(bytes));
    upsert.run(record.partition, record.id, encoded.text);
    if (!sameInputs) for (const hash of encoded.blobs) blobs.link(record.partition, record.id, hash);
    inTransaction();
  });
  const erase = db.transaction((partition: string, id: string) => {
    remove.run(partition, id);
    blobs.unlinkJob(partition, id);
    inTransaction();
  });
  const eraseAll = db.transaction(() => {
    db.exec('DELETE FROM jobs');
    blobs.clear();
    inTransaction();
  });

  return {
    put(record) {
      write(record);
      memory.put(record);
    },
    get: (partition, id) => memory.get(partition, id),
    delete(partition, id) {
      if (memory.get(partition, id) === undefined) return false;
      erase(partition, id);
      return memory.delete(partition, id);
    },
    list: (partition) => memory.list(partition),
    partitions: () => memory.partitions(),
    clear() {
      eraseAll();
      memory.clear();
    },
  };
}
