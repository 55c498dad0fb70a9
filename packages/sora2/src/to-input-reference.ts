import type { ImageInput } from '@sora-kit/core';
import { toFile, type Uploadable } from 'openai';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** An image input (Blob, bytes or a path) as the SDK's `input_reference` upload. */
export async function toInputReference(input: ImageInput): Promise<Uploadable> {
  const source = input.source;
  let blob: Blob;
  let name = input.fileName;
  if (source instanceof Blob) {
    blob = source;
    if (!name && typeof File !== 'undefined' && source instanceof File) name = source.name || undefined;
  } else if (source instanceof Uint8Array) {
    blob = new Blob([source as Uint8Array<ArrayBuffer>]);
  } else {
    const { openAsBlob } = await import('node:fs');
    blob = await openAsBlob(source.path);
    name ??= source.path.split(/[\\/]/).pop();
  }
  const type = input.mediaType ?? (blob.type || (await sniffImageType(blob)));
  return toFile(blob, name ?? `input.${EXTENSIONS[type] ?? 'jpg'}`, { type });
}

async function sniffImageType(blob: Blob): Promise<string> {
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return 'image/jpeg';
}
