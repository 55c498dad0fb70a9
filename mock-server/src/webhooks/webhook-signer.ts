/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com), the scheme OpenAI uses and the
 * `openai` SDK's `webhooks.unwrap` verifies: HMAC-SHA256 over `${id}.${timestamp}.${body}`.
 * @module
 */

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64, encodeBase64 } from '../http/base64.js';

/** The three headers a signed delivery carries. */
export interface WebhookSignatureHeaders {
  /** The event id (the same on every retry, for idempotency). */
  readonly 'webhook-id': string;
  /** Unix seconds of this attempt. */
  readonly 'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>`. */
  readonly 'webhook-signature': string;
}

/** What gets signed. */
export interface WebhookSignatureInput {
  /** The event id. */
  readonly id: string;
  /** Unix seconds of the attempt. */
  readonly timestampSeconds: number;
  /** The exact body bytes sent, as text. */
  readonly body: string;
}

/** A secret that cannot be used: empty, or `whsec_` followed by something that is not base64. */
export class InvalidWebhookSecretError extends Error {
  override readonly name = 'InvalidWebhookSecretError';
}

/**
 * The key bytes of a secret: `whsec_` + base64 is decoded (as the SDK does), anything else is
 * taken as UTF-8.
 * @throws InvalidWebhookSecretError
 */
export function decodeWebhookSecret(secret: string): Uint8Array {
  if (secret.length === 0) throw new InvalidWebhookSecretError('The webhook secret must not be empty');
  if (!secret.startsWith('whsec_')) return new TextEncoder().encode(secret);
  const encoded = secret.slice('whsec_'.length);
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 === 1) {
    throw new InvalidWebhookSecretError('A whsec_ webhook secret must be followed by base64 key bytes');
  }
  return decodeBase64(encoded);
}

/**
 * Signs one delivery attempt and returns its headers.
 * @example
 * const headers = signWebhook('whsec_c2VjcmV0', { id: 'evt_1', timestampSeconds: 1767225600, body });
 * // headers['webhook-signature'] === 'v1,...'
 */
export function signWebhook(
  secret: string | Uint8Array,
  input: WebhookSignatureInput,
): WebhookSignatureHeaders {
  const key = typeof secret === 'string' ? decodeWebhookSecret(secret) : secret;
  const timestamp = String(Math.floor(input.timestampSeconds));
  const signed = new TextEncoder().encode(`${input.id}.${timestamp}.${input.body}`);
  const signature = encodeBase64(hmac(sha256, key, signed));
  return { 'webhook-id': input.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
