import decodeWithLibwebp, { init } from '@jsquash/webp/decode.js';
import { checkImageHeader } from './check-image-header.js';
import { ImageDecodeError } from './image-decode-error.js';
import type { RgbaImage } from './rgba-image.js';

/** Options of {@link decodeWebp}. */
export interface WebpDecodeOptions {
  /** Refuse images with more pixels than this (default 40 million) before decoding. */
  maxPixels?: number;
}

/** `init` as the JavaScript of `@jsquash/webp` defines it (its typings omit the compiled-module form). */
const initWith = init as (module?: WebAssembly.Module) => Promise<void>;

/** Where the package keeps the decoder's WebAssembly, beside `@jsquash/webp/codec/dec/webp_dec.js`. */
const WASM_PATH = '@jsquash/webp/codec/dec/webp_dec.wasm';

interface NodeBuiltins {
  readFileSync(path: string): Uint8Array<ArrayBuffer>;
  resolve(specifier: string): string;
}

/**
 * `fs.readFileSync` and `require.resolve` on Node (through `process.getBuiltinModule`, Node
 * 20.16+, so no `node:` import reaches a browser bundle); undefined elsewhere.
 */
function nodeBuiltins(): NodeBuiltins | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof process?.getBuiltinModule !== 'function') return undefined;
  const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs') | undefined;
  const module = process.getBuiltinModule('node:module') as typeof import('node:module') | undefined;
  if (fs === undefined || module === undefined) return undefined;
  const require = module.createRequire(import.meta.url);
  return {
    readFileSync: (path) => fs.readFileSync(path),
    resolve: (specifier) => require.resolve(specifier),
  };
}

let ready: Promise<void> | undefined;

/**
 * Instantiates libwebp's decoder once: on Node from the wasm file inside the package (read from
 * disk, never fetched); elsewhere `@jsquash/webp` locates `webp_dec.wasm` beside its own module,
 * as a bundler that emits it as an asset (Vite, webpack 5) serves it.
 */
function loadDecoder(): Promise<void> {
  ready ??= (async () => {
    const node = nodeBuiltins();
    await initWith(
      node === undefined ? undefined : await WebAssembly.compile(node.readFileSync(node.resolve(WASM_PATH))),
    );
  })().catch((error: unknown) => {
    ready = undefined; // a later upload tries again
    throw new ImageDecodeError(
      'unsupported-feature',
      `WebP: the libwebp decoder (WebAssembly) could not be loaded: ${(error as Error).message ?? error}`,
      { cause: error },
    );
  });
  return ready;
}

/**
 * Decodes a WebP (lossy VP8, lossless VP8L, either with alpha in a VP8X file; an animation gives
 * its first frame) to RGBA with libwebp compiled to WebAssembly (`@jsquash/webp`). The size limit
 * is checked from the header first. A decoder that trapped is instantiated afresh next time.
 *
 * @throws ImageDecodeError (`unsupported-format`, `unsupported-feature` when the decoder cannot
 *   load, `corrupt`, `too-large`)
 * @example
 * const { width, height, rgba } = await decodeWebp(readFileSync('photo.webp'));
 */
export async function decodeWebp(bytes: Uint8Array, options: WebpDecodeOptions = {}): Promise<RgbaImage> {
  checkImageHeader(bytes, 'image/webp', options.maxPixels);
  await loadDecoder();
  let decoded: ImageData;
  try {
    // a copy of exactly these bytes (a Node Buffer's `.buffer` is often a shared pool, and
    // Buffer#slice does not copy)
    decoded = await decodeWithLibwebp(new Uint8Array(bytes).buffer);
  } catch (error) {
    if ((error as Error).message === 'Decoding error') {
      throw new ImageDecodeError('corrupt', 'WebP: libwebp could not decode the image', { cause: error });
    }
    ready = undefined; // the wasm did not load, or trapped: instantiate afresh next time
    throw new ImageDecodeError('unsupported-feature', `WebP: the libwebp decoder failed: ${String(error)}`, {
      cause: error,
    });
  }
  const { width, height, data } = decoded;
  return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
