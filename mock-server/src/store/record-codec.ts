/**
 * Job records to and from the JSON text a durable store keeps. Everything is plain JSON except
 * the uploaded bytes of inputs, which are stored as blobs and named by hash in the record
 * (`bytesBlob`); records of schema 1 carried them inline (`bytesBase64`) and still decode.
 * @module
 */

import type { JobInput, JobRecord } from '../engine/job-record.js';

type StoredInput = Omit<JobInput, 'bytes'> & { bytesBlob?: string; bytesBase64?: string };

/** A record as stored, plus the blob hashes it names. */
export interface EncodedRecord {
  /** The JSON text. */
  readonly text: string;
  /** Hashes of the blobs the record names (one per input with bytes). */
  readonly blobs: readonly string[];
}

/**
 * Encodes a record; `putBlob` stores an input's bytes and returns its hash.
 * @example
 * const { text, blobs } = encodeRecord(record, (bytes) => blobStore.put(bytes));
 */
export function encodeRecord(record: JobRecord, putBlob: (bytes: Uint8Array) => string): EncodedRecord {
  if (!record.inputs.some((input) => input.bytes !== undefined)) {
    return { text: JSON.stringify(record), blobs: [] };
  }
  const blobs: string[] = [];
  const inputs = record.inputs.map((input): StoredInput => {
    if (input.bytes === undefined) return input;
    const { bytes, ...rest } = input;
    const hash = putBlob(bytes);
    blobs.push(hash);
    return { ...rest, bytesBlob: hash };
  });
  return { text: JSON.stringify({ ...record, inputs }), blobs };
}

/** A stored record names a blob the database does not hold. */
export class MissingBlobError extends Error {
  override readonly name = 'MissingBlobError';
}

/**
 * Decodes a stored record (frozen, as the engine's records are).
 * @throws MissingBlobError, SyntaxError
 * @example
 * const record = decodeRecord(row.record, blobs);
 */
export function decodeRecord(text: string, blobs: ReadonlyMap<string, Uint8Array>): JobRecord {
  const parsed = JSON.parse(text) as Omit<JobRecord, 'inputs'> & { inputs: StoredInput[] };
  if (!parsed.inputs.some((input) => input.bytesBlob !== undefined || input.bytesBase64 !== undefined)) {
    return Object.freeze(parsed as JobRecord);
  }
  const inputs = parsed.inputs.map((stored): JobInput => {
    const { bytesBlob, bytesBase64, ...rest } = stored;
    if (bytesBase64 !== undefined)
      return { ...rest, bytes: new Uint8Array(Buffer.from(bytesBase64, 'base64')) };
    if (bytesBlob === undefined) return rest;
    const bytes = blobs.get(bytesBlob);
    if (bytes === undefined) {
      throw new MissingBlobError(`job ${parsed.id} names input blob ${bytesBlob}, which the database lacks`);
    }
    return { ...rest, bytes };
  });
  return Object.freeze({ ...parsed, inputs });
}
