/**
 * Delivers `video.completed` / `video.failed` webhooks. Settled jobs are found from the clock
 * (`engine.settledBetween(cursor, now)`), never from per-job timers: the composition edge calls
 * `scan(now)` on a ticking interval and after every control-API clock move. Deliveries run in
 * the background; nothing on the request path awaits them.
 * @module
 */

import type { Engine, SettledJobEvent } from '../engine/engine.js';
import { toVideoWebhookEvent, type VideoWebhookEvent } from './webhook-event.js';
import { decodeWebhookSecret, signWebhook } from './webhook-signer.js';

/** The outcome of one event's delivery, after its last attempt. */
export interface WebhookDelivery {
  /** The event sent. */
  readonly event: VideoWebhookEvent;
  /** `delivered` on a 2xx, `failed` once the attempts ran out. */
  readonly outcome: 'delivered' | 'failed';
  /** Attempts made (1 = first try succeeded). */
  readonly attempts: number;
  /** Status of the last response (null after a network error). */
  readonly lastStatus: number | null;
  /** Message of the last network error, if any. */
  readonly lastError: string | null;
}

/** Options of {@link createWebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  /** The engine to read settled jobs and event ids from. */
  engine: Pick<Engine, 'settledBetween' | 'ids'>;
  /** Receiver URL. */
  url: string;
  /** Signing secret (`whsec_` + base64, or any other string as UTF-8 key bytes). */
  secret: string;
  /** Emulated time of the first scan's lower bound (exclusive): jobs settled at or before it are not sent. */
  startMs: number;
  /** Host wall time in ms, for `webhook-timestamp` (receivers compare it with their own clock). */
  wallNow: () => number;
  /** Waits between attempts (host timers at the edge; instant in tests). */
  delay: (ms: number) => Promise<void>;
  /** HTTP client (default: global `fetch`). */
  fetch?: typeof fetch;
  /** Which settled jobs to announce (default: Sora 2 jobs of OpenAI-host partitions, `openai:`). */
  include?: (event: SettledJobEvent) => boolean;
  /** Attempts per event, first included (default 5). */
  maxAttempts?: number;
  /** Wait before the first retry in ms, doubled each time (default 500). */
  backoffMs?: number;
  /** Upper bound of one wait in ms (default 30 000). */
  maxBackoffMs?: number;
  /** Per-attempt timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Called when an event's delivery ends (logging). */
  onDelivery?: (delivery: WebhookDelivery) => void;
  /** Events a previous run queued but did not finish delivering (durable emulator); sent first. */
  resume?: readonly VideoWebhookEvent[];
  /** Called after the cursor or the pending events changed (a durable emulator saves them). */
  onChange?: () => void;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Queues the events of jobs settled in `(cursor, nowMs]`, moves the cursor, returns how many. Never waits. */
  scan(nowMs: number): number;
  /** Queues the events of these settled jobs (those the filter keeps) without moving the cursor; returns how many. */
  announce(settled: readonly SettledJobEvent[]): number;
  /** Resolves when every queued delivery has ended (tests, shutdown). */
  idle(): Promise<void>;
  /** The most recent ended deliveries, oldest first (at most 100). */
  deliveries(): readonly WebhookDelivery[];
  /** Deliveries still in flight. */
  pending(): number;
  /** Moves the cursor without sending (after a reset). */
  resetCursor(nowMs: number): void;
  /** The exclusive lower bound of the next scan (emulated ms). */
  cursor(): number;
  /** Events queued or in flight, oldest first (what a restart must still deliver). */
  pendingEvents(): readonly VideoWebhookEvent[];
}

/** The default filter: Sora 2 jobs created through the OpenAI host (`/v1/videos`). */
export function isOpenAIHostVideo(event: SettledJobEvent): boolean {
  return event.job.kind === 'sora2' && event.job.partition.startsWith('openai:');
}

const HISTORY = 100;

/**
 * Creates a webhook dispatcher.
 * @example
 * const webhooks = createWebhookDispatcher({
 *   engine, url: 'http://127.0.0.1:8080/hooks', secret: 'whsec_c2VjcmV0',
 *   startMs: clock.now(), wallNow: Date.now, delay: (ms) => new Promise((r) => setTimeout(r, ms)),
 * });
 * clock.advance(10_000);
 * webhooks.scan(clock.now());
 * await webhooks.idle();
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const key = decodeWebhookSecret(options.secret);
  const doFetch = options.fetch ?? fetch;
  const include = options.include ?? isOpenAIHostVideo;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const backoffMs = options.backoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const inFlight = new Set<Promise<void>>();
  const pending = new Map<Promise<void>, VideoWebhookEvent>();
  const history: WebhookDelivery[] = [];
  const changed = options.onChange ?? (() => {});
  let cursor = options.startMs;

  async function attempt(
    event: VideoWebhookEvent,
    body: string,
  ): Promise<{ status: number | null; error: string | null }> {
    const headers = signWebhook(key, { id: event.id, timestampSeconds: options.wallNow() / 1000, body });
    try {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'sora-kit-emulator/webhooks',
          ...headers,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, error: null };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function deliver(event: VideoWebhookEvent): Promise<void> {
    const body = JSON.stringify(event);
    let last: { status: number | null; error: string | null } = { status: null, error: null };
    let attempts = 0;
    while (attempts < maxAttempts) {
      if (attempts > 0) await options.delay(Math.min(maxBackoffMs, backoffMs * 2 ** (attempts - 1)));
      attempts++;
      last = await attempt(event, body);
      if (last.status !== null && last.status >= 200 && last.status < 300) break;
    }
    const delivered = last.status !== null && last.status >= 200 && last.status < 300;
    const delivery: WebhookDelivery = {
      event,
      outcome: delivered ? 'delivered' : 'failed',
      attempts,
      lastStatus: last.status,
      lastError: last.error,
    };
    history.push(delivery);
    if (history.length > HISTORY) history.shift();
    options.onDelivery?.(delivery);
  }

  const send = (event: VideoWebhookEvent): void => {
    const running: Promise<void> = deliver(event).finally(() => {
      inFlight.delete(running);
      pending.delete(running);
      changed();
    });
    inFlight.add(running);
    pending.set(running, event);
  };
  for (const event of options.resume ?? []) send(event);
  const announce = (settled: readonly SettledJobEvent[]): number => {
    const kept = settled.filter(include);
    for (const item of kept) send(toVideoWebhookEvent(item, options.engine.ids.eventId(item.at)));
    if (kept.length > 0) changed();
    return kept.length;
  };

  return {
    scan(nowMs) {
      if (nowMs <= cursor) return 0;
      const settled = options.engine.settledBetween(cursor, nowMs);
      cursor = nowMs;
      return announce(settled);
    },
    announce,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    deliveries: () => [...history],
    pending: () => inFlight.size,
    resetCursor(nowMs) {
      cursor = Math.max(cursor, nowMs);
    },
    cursor: () => cursor,
    pendingEvents: () => [...pending.values()],
  };
}
