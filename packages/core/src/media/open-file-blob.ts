/**
 * Node only: opens a file as a lazily read Blob. `read-media-source.ts` loads it on demand; the
 * `browser` field of this package's package.json maps it to `open-file-blob.browser.ts`.
 * @module
 */
import { openAsBlob } from 'node:fs';

/** The file at `path` as a Blob whose bytes are read when used. */
export function openFileBlob(path: string): Promise<Blob> {
  return openAsBlob(path);
}
