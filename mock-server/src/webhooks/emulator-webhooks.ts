/**
 * Webhooks at the composition edge: a dispatcher plus one ticking host interval that scans the
 * clock for settled jobs (no per-job timers). `createEmulator` calls this when `webhookUrl` and
 * `webhookSecret` are set.
 * @module
 */

import { wallTimeSource } from '../clock/system-time.js';
import { hostDelay, hostInterval } from '../control/host-timers.js';
import type { Engine } from '../engine/engine.js';
import {
  createWebhookDispatcher,
  type WebhookDelivery,
  type WebhookDispatcher,
} from './webhook-dispatcher.js';
import type { VideoWebhookEvent } from './webhook-event.js';
import { decodeWebhookSecret } from './webhook-signer.js';

/** Options of {@link startEmulatorWebhooks}. */
export interface EmulatorWebhooksOptions {
  /** The engine. */
  engine: Pick<Engine, 'settledBetween' | 'ids' | 'clock'>;
  /** Receiver URL (http or https). */
  url: string | undefined;
  /** Signing secret (`whsec_…`). */
  secret: string | undefined;
  /** Log sink. */
  log?: (level: 'info' | 'warn', message: string) => void;
  /** Host interval between scans in ms (default 250). */
  intervalMs?: number;
  /** HTTP client (default global fetch). */
  fetch?: typeof fetch;
  /** Where a previous run stopped (durable emulator): its scan cursor and undelivered events. */
  resume?: { readonly cursorMs: number; readonly pending: readonly VideoWebhookEvent[] };
  /** Called when the cursor or the pending events change. */
  onChange?: () => void;
}

/** Running webhooks. */
export interface EmulatorWebhooks {
  /** The dispatcher (`scan`, `idle`, `deliveries`). */
  readonly dispatcher: WebhookDispatcher;
  /** Stops the ticker (deliveries in flight finish). */
  stop(): void;
}

/** Webhook options that cannot work. */
export class InvalidWebhookConfigError extends Error {
  override readonly name = 'InvalidWebhookConfigError';
}

function describe(delivery: WebhookDelivery): string {
  const last =
    delivery.lastStatus === null ? (delivery.lastError ?? 'network error') : `HTTP ${delivery.lastStatus}`;
  return `webhook ${delivery.event.type} ${delivery.event.data.id} (${delivery.event.id}) ${delivery.outcome} after ${delivery.attempts} attempt(s), last ${last}`;
}

/**
 * Validates the options and starts the dispatcher and its ticker.
 * @throws InvalidWebhookConfigError, InvalidWebhookSecretError
 * @example
 * const webhooks = startEmulatorWebhooks({ engine, url: 'http://127.0.0.1:8080/hooks', secret: 'whsec_c2VjcmV0' });
 * webhooks.stop();
 */
export function startEmulatorWebhooks(options: EmulatorWebhooksOptions): EmulatorWebhooks {
  const { url, secret, engine } = options;
  if (url === undefined || secret === undefined) {
    throw new InvalidWebhookConfigError('webhooks need both a webhook URL and a webhook secret (whsec_...)');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidWebhookConfigError(`the webhook URL "${url}" is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidWebhookConfigError(`the webhook URL must be http or https, got "${url}"`);
  }
  decodeWebhookSecret(secret);
  const dispatcher = createWebhookDispatcher({
    engine,
    url,
    secret,
    startMs: options.resume?.cursorMs ?? engine.clock.now(),
    ...(options.resume === undefined ? {} : { resume: options.resume.pending }),
    ...(options.onChange === undefined ? {} : { onChange: options.onChange }),
    wallNow: wallTimeSource,
    delay: hostDelay,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    onDelivery: (delivery) =>
      options.log?.(delivery.outcome === 'delivered' ? 'info' : 'warn', describe(delivery)),
  });
  const stop = hostInterval(() => dispatcher.scan(engine.clock.now()), options.intervalMs ?? 250);
  return { dispatcher, stop };
}
