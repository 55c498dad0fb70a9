/**
 * Where characters live, beside the job store and in the same style: synchronous, partitioned
 * by credential, immutable records. Characters never expire; only `reset` (clear) removes them.
 * A durable store implements the same interface (write-through, reads from memory).
 * @module
 */

/** The clip a character was made from, as the dialect read it (the bytes are not kept). */
export interface CharacterClip {
  /** Frame width, pixels. */
  readonly width: number;
  /** Frame height, pixels. */
  readonly height: number;
  /** Duration, seconds. */
  readonly seconds: number;
  /** MIME type as received. */
  readonly mediaType: string;
  /** File name as received, when given. */
  readonly fileName?: string;
  /** Size of the upload, bytes. */
  readonly byteLength: number;
}

/** One character. Times are ms on the emulated clock. */
export interface CharacterRecord {
  /** `char_…` + 32 hex. */
  readonly id: string;
  /** Credential partition that made it; no other partition sees it. */
  readonly partition: string;
  /** Creation order within the emulator. */
  readonly sequence: number;
  /** Display name, 1..80 characters. */
  readonly name: string;
  /** Creation time. */
  readonly createdAt: number;
  /** What it was made from. */
  readonly clip: CharacterClip;
}

/** Storage of characters, partitioned by credential. */
export interface CharacterStore {
  /** Inserts the record, or replaces the one with the same partition and id. */
  put(record: CharacterRecord): void;
  /** The character `id` of `partition`, or undefined. */
  get(partition: string, id: string): CharacterRecord | undefined;
  /** Every character of `partition`, by creation order (`createdAt`, then `sequence`). */
  list(partition: string): readonly CharacterRecord[];
  /** Every partition holding at least one character, sorted. */
  partitions(): readonly string[];
  /** Removes everything. */
  clear(): void;
}
