/**
 * Node only: streams a web ReadableStream to a file through a temporary file, so a failed
 * download never leaves a partial file behind. Loaded lazily by `VideoClient.downloadToFile`.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { SoraKitError } from '../errors/index.js';

/** Options of {@link writeStreamToFile}. */
export interface WriteStreamToFileOptions {
  /** Stops the copy; the temporary file is removed. */
  signal?: AbortSignal;
  /** Bytes the body must have (from Content-Length); a shorter or longer body is an error. */
  expectedBytes?: number;
  /** Unique part of the temporary file's name (`<path>.<tempTag>.part`). */
  tempTag: string;
}

/**
 * Copies `stream` to `path` with bounded memory (stream backpressure, no buffering of the body):
 * writes `<path>.<tempTag>.part`, then renames it over `path`. On any error the temporary file is
 * deleted and `path` is left untouched.
 * @returns the number of bytes written.
 */
export async function writeStreamToFile(
  stream: ReadableStream<Uint8Array>,
  path: string,
  options: WriteStreamToFileOptions,
): Promise<number> {
  const temp = `${path}.${options.tempTag}.part`;
  const file = createWriteStream(temp, { flags: 'wx' });
  try {
    const source = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>);
    await pipeline(source, file, options.signal ? { signal: options.signal } : {});
    const bytes = file.bytesWritten;
    if (options.expectedBytes !== undefined && bytes !== options.expectedBytes) {
      throw new SoraKitError({
        message: `download of ${path} ended after ${bytes} of ${options.expectedBytes} bytes`,
      });
    }
    await rename(temp, path);
    return bytes;
  } catch (error) {
    file.destroy();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
