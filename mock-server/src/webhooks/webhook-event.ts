/**
 * The body of a video webhook (contracts 1.7): `video.completed` or `video.failed`.
 * @module
 */

import type { SettledJobEvent } from '../engine/engine.js';

/** A video webhook event as delivered. */
export interface VideoWebhookEvent {
  /** `evt_…`, also sent as `webhook-id`. */
  readonly id: string;
  /** Always `event`. */
  readonly object: 'event';
  /** Unix seconds of the moment the job settled (emulated time). */
  readonly created_at: number;
  /** Which way the job ended. */
  readonly type: 'video.completed' | 'video.failed';
  /** The video. */
  readonly data: { readonly id: string };
}

/**
 * Renders a settled job as its webhook event.
 * @example
 * const event = toVideoWebhookEvent(settled, engine.ids.eventId(settled.at));
 */
export function toVideoWebhookEvent(settled: SettledJobEvent, eventId: string): VideoWebhookEvent {
  return {
    id: eventId,
    object: 'event',
    created_at: Math.floor(settled.at / 1000),
    type: settled.phase === 'succeeded' ? 'video.completed' : 'video.failed',
    data: { id: settled.job.id },
  };
}
