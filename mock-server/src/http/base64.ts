/**
 * Base64 without Node's `Buffer`, so the dialects and the webhook signer run in a browser too.
 * @module
 */

/**
 * Decodes base64 as leniently as Node's `Buffer.from(text, 'base64')`: the URL-safe alphabet is
 * accepted, characters outside the alphabet are skipped, and decoding stops at the first `=`.
 * @example
 * decodeBase64('aGVsbG8='); // Uint8Array of 'hello'
 */
export function decodeBase64(text: string): Uint8Array {
  const end = text.indexOf('=');
  let clean = (end === -1 ? text : text.slice(0, end))
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/[^A-Za-z0-9+/]/g, '');
  // A lone trailing character carries fewer than 8 bits: Buffer drops it, and so does this.
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Encodes bytes as standard base64 with padding.
 * @example
 * encodeBase64(new TextEncoder().encode('hello')); // 'aGVsbG8='
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * The bytes of a Latin-1 string (one byte per UTF-16 unit, as `Buffer.from(text, 'latin1')`).
 * @example
 * latin1Bytes('\u00ff'); // Uint8Array [255]
 */
export function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
