/**
 * AI SDK file parts <-> sora-kit media sources.
 * @module
 */
import { type MediaSource, readMediaSource, sniffMediaType, ValidationError } from '@sora-kit/core';
import type { VideoModelV4File } from './ai-sdk-types.js';

/** The bytes of an AI SDK file part: base64 decoded, binary as is, a URL fetched. */
export async function fileBytes(
  file: VideoModelV4File,
  field: string,
  fetchImpl: typeof globalThis.fetch,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; mediaType: string | undefined }> {
  if (file.type === 'file') {
    const bytes =
      typeof file.data === 'string' ? Uint8Array.from(Buffer.from(file.data, 'base64')) : file.data;
    return { bytes, mediaType: file.mediaType };
  }
  let response: Response;
  try {
    response = await fetchImpl(file.url, signal ? { signal } : {});
  } catch (error) {
    throw fileError(field, file.url, `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw fileError(field, file.url, `could not be fetched (HTTP ${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, mediaType: file.mediaType ?? (response.headers.get('content-type') || undefined) };
}

/** A sora-kit media source as an AI SDK binary file part (MIME type given, else sniffed). */
export async function toFilePart(
  source: MediaSource,
  mediaType: string | undefined,
): Promise<VideoModelV4File> {
  const blob = await readMediaSource(source);
  const type = mediaType ?? (blob.type || (await sniffMediaType(blob)) || 'application/octet-stream');
  return { type: 'file', mediaType: type, data: new Uint8Array(await blob.arrayBuffer()) };
}

function fileError(field: string, url: string, why: string): ValidationError {
  return new ValidationError({ issues: [{ field, value: url, message: `${field}: ${url} ${why}` }] });
}
