/**
 * The emulator database's schema and its migrations. `PRAGMA user_version` holds the schema
 * version; `PRAGMA application_id` marks the file as a sora-kit emulator database. Migration
 * `n` (index n - 1) turns version n - 1 into version n; a newer emulator runs the missing ones
 * in one transaction, and a database newer than {@link SCHEMA_VERSION} is refused untouched.
 * @module
 */

/** The schema version this emulator writes. */
export const SCHEMA_VERSION = 2;

/** `PRAGMA application_id` of an emulator database ('Sora' in ASCII). */
export const APPLICATION_ID = 0x536f7261;

/** The SQL of each migration, in order. */
export const MIGRATIONS: readonly string[] = [
  // 1: job records (JSON, inputs inline) and named state entries.
  `CREATE TABLE jobs (
     partition TEXT NOT NULL,
     id TEXT NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (partition, id)
   ) WITHOUT ROWID;
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
  // 2: uploaded inputs move out of the records into content-addressed blobs.
  `CREATE TABLE blobs (hash TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;
   CREATE TABLE job_blobs (
     partition TEXT NOT NULL,
     id TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (partition, id, hash)
   ) WITHOUT ROWID;
   CREATE INDEX job_blobs_by_hash ON job_blobs (hash);`,
];
