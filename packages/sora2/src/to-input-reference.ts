import { type ImageInput, type MediaSource, readMediaSource, sniffMediaType } from '@sora-kit/core';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

/** Bytes to upload: a Blob, raw bytes or a path, with an optional MIME type and file name. */
export interface UploadSource {
  source: MediaSource;
  mediaType?: string | undefined;
  fileName?: string | undefined;
}

/**
 * An upload (Blob, bytes or a path) as a named `File` for a multipart body. The MIME type is the
 * given one, else the Blob's, else sniffed (images) or `video/mp4` (clips).
 */
export async function toUpload(input: UploadSource, kind: 'image' | 'video'): Promise<File> {
  const source = input.source;
  const blob = await readMediaSource(source);
  let name = input.fileName;
  if (!name && typeof File !== 'undefined' && source instanceof File) name = source.name || undefined;
  if (!name && !(source instanceof Blob) && !(source instanceof Uint8Array))
    name = source.path.split(/[\\/]/).pop();
  const type =
    input.mediaType ?? (blob.type || (kind === 'image' ? await sniffImageType(blob) : 'video/mp4'));
  const fallback = kind === 'image' ? 'input' : 'video';
  return new File([blob], name ?? `${fallback}.${EXTENSIONS[type] ?? (kind === 'image' ? 'jpg' : 'mp4')}`, {
    type,
  });
}

/** An image input (Blob, bytes or a path) as the `input_reference` upload. */
export function toInputReference(input: ImageInput): Promise<File> {
  return toUpload(input, 'image');
}

/** The image type of the bytes; JPEG when not recognisable (what the service is most likely sent). */
async function sniffImageType(blob: Blob): Promise<string> {
  const type = await sniffMediaType(blob);
  return type?.startsWith('image/') ? type : 'image/jpeg';
}
