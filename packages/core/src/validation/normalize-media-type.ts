import type { MediaInput } from '../types.js';

/**
 * The MIME type of an input as sora-kit reads it: the explicit `mediaType`, else a Blob's own
 * `type`; lower-cased, parameters dropped, `image/jpg` read as `image/jpeg`. Undefined when
 * neither is known (the adapter sniffs the bytes).
 */
export function normalizeMediaType(input: Pick<MediaInput, 'mediaType' | 'source'>): string | undefined {
  const blobType = typeof Blob !== 'undefined' && input.source instanceof Blob ? input.source.type : '';
  const raw = input.mediaType ?? (blobType === '' ? undefined : blobType);
  if (raw === undefined) return undefined;
  const essence = raw.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'image/jpg' ? 'image/jpeg' : essence;
}
