/**
 * Route patterns of HTTP faults: `"POST /v1/videos"`, `"* /openai/v1/video/generations/jobs*"`,
 * or a bare path glob (any method). `*` matches any run of characters, `/` included. Patterns
 * match the path only, never the query string.
 * @module
 */

/** A compiled pattern. */
export interface RoutePattern {
  /** The pattern as given. */
  readonly source: string;
  /** Upper-case method, or `*` for any. */
  readonly method: string;
  /** True when `method` and `path` match. */
  matches(method: string, path: string): boolean;
}

/** A pattern that cannot be understood. */
export class InvalidRoutePatternError extends Error {
  override readonly name = 'InvalidRoutePatternError';
}

const METHOD = /^(\*|[A-Za-z]+)$/;

/**
 * Compiles a route pattern.
 * @throws InvalidRoutePatternError
 * @example
 * parseRoutePattern('GET /v1/videos/*').matches('GET', '/v1/videos/video_123'); // true
 */
export function parseRoutePattern(source: string): RoutePattern {
  const parts = source.trim().split(/\s+/);
  const [first, second, ...rest] = parts;
  if (first === undefined || first === '' || rest.length > 0) {
    throw new InvalidRoutePatternError(`route must be "METHOD /path" or "/path", got "${source}"`);
  }
  const [method, path] = second === undefined ? ['*', first] : [first.toUpperCase(), second];
  if (!METHOD.test(method))
    throw new InvalidRoutePatternError(`route method "${method}" is not an HTTP method or *`);
  if (!path.startsWith('/') && path !== '*') {
    throw new InvalidRoutePatternError(`route path must start with "/" (or be "*"), got "${path}"`);
  }
  const regex = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return {
    source,
    method,
    matches: (m, p) => (method === '*' || method === m.toUpperCase()) && regex.test(p),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
