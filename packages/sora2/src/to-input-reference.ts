import { type ImageInput, readMediaSource, sniffMediaType } from '@sora-kit/core';
import { toFile, type Uploadable } from 'openai';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** An image input (Blob, bytes or a path) as the SDK's `input_reference` upload. */
export async function toInputReference(input: ImageInput): Promise<Uploadable> {
  const source = input.source;
  const blob = await readMediaSource(source);
  let name = input.fileName;
  if (!name && typeof File !== 'undefined' && source instanceof File) name = source.name || undefined;
  if (!name && !(source instanceof Blob) && !(source instanceof Uint8Array))
    name = source.path.split(/[\\/]/).pop();
  const type = input.mediaType ?? (blob.type || (await sniffImageType(blob)));
  return toFile(blob, name ?? `input.${EXTENSIONS[type] ?? 'jpg'}`, { type });
}

/** The image type of the bytes; JPEG when not recognisable (what the service is most likely sent). */
async function sniffImageType(blob: Blob): Promise<string> {
  const type = await sniffMediaType(blob);
  return type?.startsWith('image/') ? type : 'image/jpeg';
}
