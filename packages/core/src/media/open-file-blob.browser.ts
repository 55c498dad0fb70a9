/**
 * What bundlers load instead of `open-file-blob.ts` for a browser: the same function, refusing
 * with a typed error, so `@sora-kit/core` bundles for a browser without any `node:` module.
 * @module
 */
import { SoraKitError } from '../errors/index.js';

/**
 * Always throws: a browser has no file paths.
 * @throws {SoraKitError} naming the path and the alternatives (a Blob or a Uint8Array).
 */
export async function openFileBlob(path: string): Promise<Blob> {
  throw new SoraKitError({
    message: `a media source { path: ${JSON.stringify(path)} } needs Node's file system; in a browser pass a Blob or a Uint8Array`,
  });
}
