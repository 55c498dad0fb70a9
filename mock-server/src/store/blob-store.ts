/**
 * Uploaded inputs of durable jobs (input_reference images, Sora 1 files…), content-addressed in
 * the `blobs` table beside the records: the same bytes uploaded twice are stored once, and a blob
 * goes when the last record naming it does. Runs inside the job store's transactions.
 * @module
 */

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Blob rows of one database. */
export interface BlobStore {
  /** Stores `bytes` (if new) and returns their SHA-256 hex. */
  put(bytes: Uint8Array): string;
  /** Records that job (`partition`, `id`) uses blob `hash`. */
  link(partition: string, id: string, hash: string): void;
  /** Forgets every blob link of a job and removes blobs no other job uses. */
  unlinkJob(partition: string, id: string): void;
  /** Every stored blob, by hash (startup load). */
  loadAll(): Map<string, Uint8Array>;
  /** Removes every blob. */
  clear(): void;
}

/** The SHA-256 hex of `bytes`: a blob's name. */
export function blobHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Creates the blob store over an open, migrated database.
 * @example
 * const blobs = createBlobStore(db);
 * const hash = blobs.put(new Uint8Array([1, 2, 3]));
 */
export function createBlobStore(db: Database.Database): BlobStore {
  const insert = db.prepare('INSERT OR IGNORE INTO blobs (hash, bytes) VALUES (?, ?)');
  const insertLink = db.prepare('INSERT OR IGNORE INTO job_blobs (partition, id, hash) VALUES (?, ?, ?)');
  const linksOf = db.prepare('SELECT hash FROM job_blobs WHERE partition = ? AND id = ?').pluck();
  const deleteLinks = db.prepare('DELETE FROM job_blobs WHERE partition = ? AND id = ?');
  const deleteUnused = db.prepare(
    'DELETE FROM blobs WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM job_blobs WHERE job_blobs.hash = blobs.hash)',
  );
  const all = db.prepare('SELECT hash, bytes FROM blobs');
  // Hashes known to be stored, and the hash of each byte array seen: a cancel or delete rewrites
  // a record with the same inputs, which then costs neither a re-hash nor a blob write.
  const stored = new Set<string>();
  const hashes = new WeakMap<Uint8Array, string>();
  return {
    put(bytes) {
      let hash = hashes.get(bytes);
      if (hash === undefined) {
        hash = blobHash(bytes);
        hashes.set(bytes, hash);
      }
      if (!stored.has(hash)) {
        insert.run(hash, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        stored.add(hash);
      }
      return hash;
    },
    link(partition, id, hash) {
      insertLink.run(partition, id, hash);
    },
    unlinkJob(partition, id) {
      const linked = linksOf.all(partition, id) as string[];
      if (linked.length === 0) return;
      deleteLinks.run(partition, id);
      for (const hash of linked) if (deleteUnused.run(hash).changes > 0) stored.delete(hash);
    },
    loadAll() {
      const blobs = new Map<string, Uint8Array>();
      for (const row of all.iterate() as Iterable<{ hash: string; bytes: Buffer }>) {
        const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
        blobs.set(row.hash, bytes);
        hashes.set(bytes, row.hash);
        stored.add(row.hash);
      }
      return blobs;
    },
    clear() {
      db.exec('DELETE FROM job_blobs; DELETE FROM blobs;');
      stored.clear();
    },
  };
}
