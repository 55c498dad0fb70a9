/**
 * Media bodies that honour a single `Range: bytes=...` request (206 with Content-Range, 416 when
 * unsatisfiable, else 200), so `<video>` elements can seek. Sora 1 and Sora 2 content routes share it.
 * @module
 */

import type { Context } from 'hono';
import type { OpenedRender } from './render-cache.js';

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

/**
 * Answers an output of the render cache: cached bytes as {@link rangedBody} does; a render in
 * flight streams its parts as they are produced (200, chunked, no `content-length`), after the
 * first part so a render that fails still answers in the route's error envelope. A `Range`
 * request waits for the whole output. Every answer is the same bytes.
 * @example
 * return mediaBody(c, emulator.media.open(request), { 'content-type': 'video/mp4' });
 */
export async function mediaBody(
  c: Context,
  opened: OpenedRender,
  headers: Record<string, string>,
): Promise<Response> {
  if (opened.parts === undefined) return rangedBody(c, await opened.bytes, headers);
  if (c.req.header('range') !== undefined) return rangedBody(c, await opened.bytes, headers);
  const reader = opened.parts().getReader();
  const first = await reader.read();
  if (first.done) return rangedBody(c, await opened.bytes, headers);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(first.value);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return c.body(body, 200, { ...headers, 'accept-ranges': 'bytes' });
}
