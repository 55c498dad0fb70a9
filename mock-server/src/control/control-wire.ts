/**
 * Renders control results as the control API's snake_case JSON.
 * @module
 */

import type { ClockMode } from '../clock/clock.js';
import type { ClockScopeInfo } from '../clock/clock-scopes.js';
import type { JobState } from '../engine/job-state.js';
import type { PhaseTiming, Sora2PhaseTiming } from '../engine/job-timing.js';
import type { StoredJobPage } from '../engine/listing-index.js';
import type { QuotaPolicy } from '../engine/quota-policy.js';
import type { WebhookDelivery } from '../webhooks/webhook-dispatcher.js';
import type { ClockInfo, FaultsView, HealthInfo, TimingInfo } from './control-operations.js';

/** `GET /_emulator/clock`. */
export function clockJson(clock: ClockInfo) {
  return {
    now_ms: clock.nowMs,
    iso: new Date(clock.nowMs).toISOString(),
    mode: clock.mode,
    speed: clock.speed,
    ...(clock.scope === undefined ? {} : { scope: clock.scope, offset_ms: clock.offsetMs ?? 0 }),
  };
}

/** One clock scope (`GET /_emulator/clock/scopes`, `POST /_emulator/clock/scopes`). */
export function clockScopeJson(scope: ClockScopeInfo) {
  return {
    scope: scope.scope,
    now_ms: scope.nowMs,
    iso: new Date(scope.nowMs).toISOString(),
    offset_ms: scope.offsetMs,
    credentials: scope.credentials,
  };
}

/** `GET /_emulator/timing`: the profile and the values, snake_case. */
export function timingJson(timing: TimingInfo) {
  const { config } = timing;
  const phases = (t: Partial<Sora2PhaseTiming & PhaseTiming>) => ({
    ...(t.queuedMs === undefined ? {} : { queued_ms: t.queuedMs }),
    ...(t.preprocessingMs === undefined ? {} : { preprocessing_ms: t.preprocessingMs }),
    ...(t.runningBaseMs === undefined ? {} : { running_base_ms: t.runningBaseMs }),
    ...(t.runningMsPerMegapixelSecond === undefined
      ? {}
      : { running_ms_per_megapixel_second: t.runningMsPerMegapixelSecond }),
    ...(t.processingMs === undefined ? {} : { processing_ms: t.processingMs }),
  });
  return {
    profile: timing.profile,
    ...phases(config),
    sora2: phases(config.sora2 ?? {}),
    model_factors: config.modelFactors ?? {},
  };
}

/** `GET /_emulator/health`. */
export function healthJson(health: HealthInfo) {
  return {
    status: health.status,
    clock: clockJson(health.clock),
    jobs: health.jobs,
    webhooks: health.webhooks,
    deployments: health.deployments,
  };
}

/** `GET /_emulator/faults`. */
export function faultsJson(faults: FaultsView) {
  return {
    routes: faults.routes,
    latency: faults.latency.map(({ latencyMs, afterRoute, ...rest }) => ({
      latency_ms: latencyMs,
      ...(afterRoute === undefined ? {} : { after_route: afterRoute }),
      ...rest,
    })),
    job_failures: faults.failures.map(({ match, type, ...rule }) => ({
      ...rule,
      ...(type === undefined ? {} : { error_type: type }),
      ...(match === undefined
        ? {}
        : {
            match: {
              ...(match.promptIncludes === undefined ? {} : { prompt_includes: match.promptIncludes }),
              ...(match.model === undefined ? {} : { model: match.model }),
              ...(match.partition === undefined ? {} : { partition: match.partition }),
              ...(match.kind === undefined ? {} : { kind: match.kind }),
            },
          }),
    })),
    moderation_words: faults.moderationWords,
    retired_models: faults.retiredModels,
    retired_services: faults.retiredServices,
  };
}

function stateJson(state: JobState) {
  if (state.kind === 'gone') {
    return { status: 'gone' as const, gone_reason: state.reason, gone_since_ms: state.since };
  }
  return {
    status: state.phase,
    progress: state.progress,
    settles_at_ms: state.settlesAt,
    finished_at_ms: state.finishedAt,
    expires_at_ms: state.expiresAt,
    failure: state.failure,
  };
}

/**
 * Encodes a dump page's `next` as the `next_cursor` of `GET /_emulator/jobs`: `<id>:<partition>`
 * (job ids never contain a colon; partitions may).
 */
export function encodeJobsCursor(next: StoredJobPage['next']): string | null {
  return next === null ? null : `${next.id}:${next.partition}`;
}

/** Decodes `after` of `GET /_emulator/jobs`; undefined when it is not a cursor this API made. */
export function decodeJobsCursor(cursor: string): { partition: string; id: string } | undefined {
  const colon = cursor.indexOf(':');
  if (colon <= 0 || colon === cursor.length - 1) return undefined;
  return { id: cursor.slice(0, colon), partition: cursor.slice(colon + 1) };
}

/** `GET /_emulator/jobs`: one page of stored jobs (tombstones included), by partition then list order. */
export function jobsJson(clockMode: ClockMode, page: StoredJobPage) {
  const data = page.data.map(({ record, state }) => ({
    id: record.id,
    partition: record.partition,
    kind: record.kind,
    model: record.model,
    prompt: record.prompt,
    width: record.width,
    height: record.height,
    seconds: record.seconds,
    variants: record.variants,
    generation_ids: record.generationIds,
    remixed_from_id: record.remixedFromId ?? null,
    created_at_ms: record.createdAt,
    ...stateJson(state),
  }));
  return {
    object: 'list',
    now_ms: page.now,
    clock_mode: clockMode,
    data,
    has_more: page.next !== null,
    next_cursor: encodeJobsCursor(page.next),
  };
}

/** `GET /_emulator/webhooks`. */
export function webhooksJson(enabled: boolean, deliveries: readonly WebhookDelivery[]) {
  return {
    enabled,
    deliveries: deliveries.map((d) => ({
      event: d.event,
      outcome: d.outcome,
      attempts: d.attempts,
      last_status: d.lastStatus,
      last_error: d.lastError,
    })),
  };
}

/** `GET /_emulator/quota`: the policy in the body's snake_case shape. */
export function quotaPolicyJson(policy: QuotaPolicy) {
  switch (policy.mode) {
    case 'concurrent':
      return { mode: policy.mode, max_concurrent: policy.maxConcurrent };
    case 'rate':
      return { mode: policy.mode, limit: policy.limit, window_ms: policy.windowMs };
    case 'none':
      return { mode: policy.mode };
  }
}
