/**
 * Media bodies that honour a single `Range: bytes=...` request (206 with Content-Range, 416 when
 * unsatisfiable, else 200), so `<video>` elements can seek. Sora 1 and Sora 2 content routes share it.
 * @module
 */

import type { Context } from 'hono';

/** A single `bytes=` range of a body, or undefined when the header asks for none or is unusable. */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, from = '', to = ''] = match;
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(size - 1, Number(to));
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * Answers `bytes` (with `headers` and `Accept-Ranges: bytes`), or the range the request asks for.
 * @example
 * return rangedBody(c, mp4, { 'content-type': 'video/mp4' });
 */
export function rangedBody(c: Context, bytes: Uint8Array, headers: Record<string, string>): Response {
  const all = { ...headers, 'accept-ranges': 'bytes' };
  const range = byteRange(c.req.header('range'), bytes.byteLength);
  if (range === 'unsatisfiable')
    return c.body(null, 416, { ...all, 'content-range': `bytes */${bytes.byteLength}` });
  if (range !== undefined) {
    const part = bytes.subarray(range.start, range.end + 1);
    return c.body(part as Uint8Array<ArrayBuffer>, 206, {
      ...all,
      'content-length': String(part.byteLength),
      'content-range': `bytes ${range.start}-${range.end}/${bytes.byteLength}`,
    });
  }
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    ...all,
    'content-length': String(bytes.byteLength),
  });
}
