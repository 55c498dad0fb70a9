import type { MediaSource } from '../types.js';

/** A media input's bytes as a Blob: Blobs as they are, bytes wrapped, paths opened lazily (Node). */
export async function readMediaSource(source: MediaSource): Promise<Blob> {
  if (source instanceof Blob) return source;
  if (source instanceof Uint8Array) return new Blob([source as Uint8Array<ArrayBuffer>]);
  const { openFileBlob } = await import('./open-file-blob.js');
  return openFileBlob(source.path);
}

/** The MIME type of image or video bytes from their first bytes, when recognisable. */
export async function sniffMediaType(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp') return 'video/mp4';
  return undefined;
}
