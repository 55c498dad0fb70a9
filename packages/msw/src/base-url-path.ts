/**
 * Reads the path part of a base URL that may hold MSW wildcards (`https://*.openai.azure.com`).
 * @module
 */

/**
 * The path of `baseURL` without a trailing slash (`''` for an origin). `new URL()` is not used
 * because MSW patterns may put `*` in the host.
 * @example
 * basePath('https://proxy.example/api/v1/'); // '/api/v1'
 * basePath('https://*.openai.azure.com'); // ''
 */
export function basePath(baseURL: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(baseURL);
  if (!match) throw new TypeError(`not an absolute http(s) URL: ${JSON.stringify(baseURL)}`);
  return (match[1] ?? '').replace(/\/+$/, '');
}

/** `baseURL` without a trailing slash. */
export function trimBaseURL(baseURL: string): string {
  basePath(baseURL);
  return baseURL.replace(/\/+$/, '');
}
