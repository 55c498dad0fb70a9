/** Response headers as a `Headers` object, a plain record or `[name, value]` pairs. */
export type HeadersInput =
  | Headers
  | Iterable<readonly [string, string]>
  | Record<string, string | readonly string[] | undefined>;

/** Turns any header shape into a plain record with lower-case names (repeated values joined by `, `). */
export function normalizeHeaders(headers: HeadersInput | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers === undefined) return result;
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    // Own keys only: `constructor` or `toString` would find Object.prototype's, and assigning
    // `__proto__` would drop the header, so that one becomes an own property.
    const joined = Object.hasOwn(result, key) ? `${result[key]}, ${value}` : value;
    if (key === '__proto__') {
      Object.defineProperty(result, key, {
        value: joined,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else result[key] = joined;
  };
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => {
      add(name, value);
    });
  } else if (Symbol.iterator in headers) {
    for (const [name, value] of headers as Iterable<readonly [string, string]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const item of value) add(name, item);
    }
  }
  return result;
}
