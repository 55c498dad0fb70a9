/**
 * Maps an intercepted request onto the emulator app's own paths.
 * @module
 */

/**
 * Returns `request` with the path prefix `from` replaced by `to` (e.g. `/api/v1` -> `/v1`), same
 * origin, query, method, headers and body; or `undefined` when the path does not start with `from`.
 * The body is buffered: the emulator reads it whole anyway, and a buffered body needs no
 * `duplex: 'half'` stream handling.
 * @example
 * const mapped = await toEmulatorRequest(new Request('https://proxy.example/api/v1/videos'), '/api/v1', '/v1');
 * // mapped.url === 'https://proxy.example/v1/videos'
 */
export async function toEmulatorRequest(
  request: Request,
  from: string,
  to: string,
): Promise<Request | undefined> {
  const url = new URL(request.url);
  if (url.pathname !== from && !url.pathname.startsWith(`${from}/`)) return undefined;
  url.pathname = `${to}${url.pathname.slice(from.length)}`;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : null,
    signal: request.signal,
  });
}
