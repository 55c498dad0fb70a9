import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeWebhookSecret, InvalidWebhookSecretError, signWebhook } from './webhook-signer.js';

describe('signWebhook', () => {
  it('signs id.timestamp.body with the base64-decoded whsec_ key', () => {
    const key = Buffer.from('k3y-bytes');
    const headers = signWebhook(`whsec_${key.toString('base64')}`, {
      id: 'evt_1',
      timestampSeconds: 1700000000.9,
      body: '{"a":1}',
    });
    const expected = createHmac('sha256', key).update('evt_1.1700000000.{"a":1}').digest('base64');
    expect(headers).toEqual({
      'webhook-id': 'evt_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': `v1,${expected}`,
    });
  });

  it('takes a secret without the prefix as UTF-8 bytes, as the SDK does', () => {
    expect(decodeWebhookSecret('plain')).toEqual(new TextEncoder().encode('plain'));
  });

  it('refuses empty and malformed secrets', () => {
    expect(() => decodeWebhookSecret('')).toThrow(InvalidWebhookSecretError);
    expect(() => decodeWebhookSecret('whsec_')).toThrow(InvalidWebhookSecretError);
    expect(() => decodeWebhookSecret('whsec_not base64!')).toThrow(InvalidWebhookSecretError);
  });
});
