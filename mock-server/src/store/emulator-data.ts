/**
 * `--data DIR`: the emulator's durable state in one SQLite database, `DIR/emulator.db` (WAL
 * mode, so `emulator.db-wal` sits beside it while open). One process owns a data directory at a
 * time: the connection runs in exclusive locking mode, and a second opener waits up to
 * `lockTimeoutMs` and then gets {@link EmulatorDataError} naming the file.
 *
 * Durability: every change is one transaction committed before the emulator answers. With WAL
 * and `synchronous = NORMAL` a commit is in the WAL file (the OS page cache) when it returns, so
 * killing the process (kill -9, a crash) loses no committed change; only an OS crash or power
 * loss can drop the last commits (use `synchronous: 'full'` to fsync every commit).
 * @module
 */

import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { JsonValue } from '../engine/job-record.js';
import { createBlobStore } from './blob-store.js';
import type { EmulatorPersistence, PersistedState } from './emulator-persistence.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { createSqliteStore } from './sqlite-store.js';

/** The database file name inside a data directory. */
export const DATABASE_FILE = 'emulator.db';

/** A data directory that cannot be used: locked, corrupt, newer schema, not ours. Names the file. */
export class EmulatorDataError extends Error {
  override readonly name = 'EmulatorDataError';
  constructor(
    /** The database file. */
    readonly file: string,
    /** `locked`, `corrupt`, `newer-schema`, `foreign` or `io`. */
    readonly reason: 'locked' | 'corrupt' | 'newer-schema' | 'foreign' | 'io',
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link openEmulatorData}. */
export interface EmulatorDataOptions {
  /** Start empty: delete the stored state first (a corrupt file is deleted too). */
  reset?: boolean;
  /** How long to wait for another process to release the directory, ms (default 2000). */
  lockTimeoutMs?: number;
  /** `normal` (default: safe against process kill) or `full` (also against power loss, slower). */
  synchronous?: 'normal' | 'full';
}

/** An open data directory. */
export interface EmulatorData extends EmulatorPersistence {
  /** The data directory (absolute). */
  readonly dir: string;
  /** Whether the directory held state from an earlier run. */
  readonly resumed: boolean;
  /** The schema version the database had before opening (0 = new). */
  readonly openedVersion: number;
}

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function translate(file: string, error: unknown): EmulatorDataError {
  if (error instanceof EmulatorDataError) return error;
  const code = sqliteCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new EmulatorDataError(
      file,
      'locked',
      `${file} is in use by another emulator process (its lock is held); stop that process or use another data directory`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new EmulatorDataError(
      file,
      'corrupt',
      `${file} is not a readable emulator database (${detail}); nothing was changed: move it away, or start with --reset to delete it`,
    );
  }
  return new EmulatorDataError(file, 'io', `cannot open ${file}: ${detail}`);
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function migrate(db: Database.Database, file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const application = db.pragma('application_id', { simple: true }) as number;
  const tables = db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .get() as number;
  if (application !== APPLICATION_ID && (tables > 0 || version !== 0)) {
    throw new EmulatorDataError(
      file,
      'foreign',
      `${file} is an SQLite database of another application, not a sora-kit emulator database; nothing was changed: use another data directory`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new EmulatorDataError(
      file,
      'newer-schema',
      `${file} has schema version ${version}, written by a newer sora-kit emulator; this one reads up to version ${SCHEMA_VERSION}. Nothing was changed: upgrade @sora-kit/emulator, or use another data directory`,
    );
  }
  // Switching to WAL writes the header, so it happens only once the file is known to be ours.
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (let next = version; next < SCHEMA_VERSION; next++) db.exec(MIGRATIONS[next] as string);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
  return version;
}

/**
 * Opens (creating if needed) the data directory `dir` and loads its state into memory.
 * @throws EmulatorDataError naming the file when it is locked, corrupt, newer or not ours
 * @example
 * const data = openEmulatorData('./.sora-emulator');
 * const emulator = createEmulator({ persistence: data });
 * // ... later
 * data.close();
 */
export function openEmulatorData(dir: string, options: EmulatorDataOptions = {}): EmulatorData {
  const absolute = resolve(dir);
  const file = join(absolute, DATABASE_FILE);
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (error) {
    throw new EmulatorDataError(
      file,
      'io',
      `cannot create the data directory ${absolute}: ${(error as Error).message}`,
    );
  }
  try {
    return open(absolute, file, options);
  } catch (error) {
    const translated = translate(file, error);
    if (!(options.reset && translated.reason === 'corrupt')) throw translated;
    removeDatabaseFiles(file);
    try {
      return open(absolute, file, options);
    } catch (again) {
      throw translate(file, again);
    }
  }
}

function open(dir: string, file: string, options: EmulatorDataOptions): EmulatorData {
  const db = new Database(file, { timeout: options.lockTimeoutMs ?? 2000 });
  try {
    // Exclusive locking: the first write takes the lock and this connection keeps it until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    const openedVersion = migrate(db, file);
    if (options.reset)
      db.exec('DELETE FROM jobs; DELETE FROM state; DELETE FROM job_blobs; DELETE FROM blobs;');
    return createEmulatorData(db, dir, file, openedVersion);
  } catch (error) {
    db.close();
    throw error;
  }
}

function createEmulatorData(
  db: Database.Database,
  dir: string,
  file: string,
  openedVersion: number,
): EmulatorData {
  const saved = new Map<string, string>();
  for (const row of db.prepare('SELECT key, value FROM state').iterate() as Iterable<{
    key: string;
    value: string;
  }>) {
    saved.set(row.key, row.value);
  }
  const initial = new Map(saved);
  const upsert = db.prepare(
    'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  let source: () => PersistedState = () => ({});
  let closed = false;
  const writeChanged = (): void => {
    for (const [key, value] of Object.entries(source())) {
      const text = JSON.stringify(value);
      if (saved.get(key) === text) continue;
      upsert.run(key, text);
      saved.set(key, text);
    }
  };
  const checkpoint = db.transaction(writeChanged);
  const blobs = createBlobStore(db);
  const store = createSqliteStore({ db, blobs, inTransaction: writeChanged });
  const clearState = db.transaction(() => {
    db.exec('DELETE FROM state');
    saved.clear();
    writeChanged();
  });
  return {
    dir,
    location: file,
    resumed: openedVersion > 0 && (store.partitions().length > 0 || initial.size > 0),
    openedVersion,
    store,
    readState(key) {
      const text = initial.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
    },
    setStateSource(next) {
      source = next;
    },
    checkpoint() {
      if (!closed) checkpoint();
    },
    clear() {
      store.clear();
      clearState();
    },
    close() {
      if (closed) return;
      checkpoint();
      closed = true;
      db.close();
    },
  };
}
