import { type HeadersInput, normalizeHeaders } from './normalize-headers.js';

/**
 * How long a response asks the client to wait, in milliseconds: `retry-after-ms` first, then
 * `retry-after` as seconds or as an HTTP date (relative to `now`). Undefined when neither header
 * is present or parseable. Negative waits become 0.
 * @example
 * parseRetryAfterMs({ 'retry-after': '2' }); // 2000
 */
export function parseRetryAfterMs(
  headers: HeadersInput | undefined,
  now: number = Date.now(),
): number | undefined {
  const normalized = normalizeHeaders(headers);
  const milliseconds = normalized['retry-after-ms'];
  if (milliseconds !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds)) {
    return Number.parseFloat(milliseconds);
  }
  const retryAfter = normalized['retry-after']?.trim();
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number.parseFloat(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
