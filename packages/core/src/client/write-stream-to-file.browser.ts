/**
 * What bundlers load instead of `write-stream-to-file.ts` for a browser (the `browser` field of
 * this package's package.json): the same function, refusing with a typed error, so that
 * `@sora-kit/core` bundles for a browser without any `node:` module.
 * @module
 */
import { SoraKitError } from '../errors/index.js';
import type { WriteStreamToFileOptions } from './write-stream-to-file.js';

/**
 * Always throws: there is no file system in a browser.
 * @throws {SoraKitError} naming `downloadToFile` and the alternative, `download()`.
 */
export async function writeStreamToFile(
  _stream: ReadableStream<Uint8Array>,
  path: string,
  _options: WriteStreamToFileOptions,
): Promise<number> {
  throw new SoraKitError({
    message: `downloadToFile(${JSON.stringify(path)}) needs Node's file system; in a browser use download() and its stream`,
  });
}
