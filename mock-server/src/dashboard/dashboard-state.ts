/**
 * What the dashboard page polls (`GET /_emulator/dashboard/state`): the clock and its scopes, one
 * filtered page of jobs (newest first, every partition and dialect), faults, the quota policy
 * with each partition's running count, the last requests and the webhook deliveries. Read-only:
 * the page changes state through the control API itself.
 * @module
 */

import { clockJson, clockScopeJson, faultsJson } from '../control/control-wire.js';
import type { EmulatorContext } from '../emulator-context.js';
import { isSettledPhase } from '../engine/job-phase.js';
import type { JobRecord } from '../engine/job-record.js';
import type { JobState } from '../engine/job-state.js';
import { maskCredential } from '../http/mask-credential.js';
import type { RequestLog } from './request-log.js';

/** The three wire dialects, as the dashboard names them. */
export type DashboardDialect = 'openai-sora2' | 'azure-sora2' | 'azure-sora1';

/** Filters and page of `GET /_emulator/dashboard/state`. */
export interface DashboardQuery {
  /** Only this dialect. */
  readonly dialect?: string;
  /** Only this status (`queued`, `running`, `succeeded`, `failed`, `cancelled`, `gone`, ...). */
  readonly status?: string;
  /** Only this partition (e.g. `openai:sk-test`). */
  readonly partition?: string;
  /** Rows to skip (default 0). */
  readonly offset?: number;
  /** Rows per page (default 50, at most 500). */
  readonly limit?: number;
}

/** Work counters of {@link dashboardState}, for complexity tests (they count work, never time). */
export interface DashboardWork {
  /** Job rows (views with outputs and lineage) built, cumulative: one per job on the page returned. */
  rows: number;
  /** Jobs whose status was read for the counts and filters, cumulative. */
  scanned: number;
}

/** The dialect of a record: Sora 1 is Azure only; Sora 2 by the partition's host. */
export function dialectOf(record: Pick<JobRecord, 'kind' | 'partition'>): DashboardDialect {
  if (record.kind === 'sora1') return 'azure-sora1';
  return record.partition.startsWith('azure:') ? 'azure-sora2' : 'openai-sora2';
}

/** The partition as shown: host and masked credential. */
export function partitionLabel(partition: string): string {
  const colon = partition.indexOf(':');
  return colon < 0 ? partition : `${partition.slice(0, colon)}:${maskCredential(partition.slice(colon + 1))}`;
}

function statusOf(state: JobState): string {
  return state.kind === 'gone' ? 'gone' : state.phase;
}

/** Where a Sora 2 job comes from: remix, edit or extension of another video, or null. */
export function lineageOf(record: JobRecord) {
  if (record.remixedFromId !== undefined) return { kind: 'remix' as const, source_id: record.remixedFromId };
  if (record.editedFromId !== undefined) return { kind: 'edit' as const, source_id: record.editedFromId };
  if (record.extendedFromId !== undefined)
    return {
      kind: 'extension' as const,
      source_id: record.extendedFromId,
      extension_count: record.extensionCount ?? null,
      segments: record.segments?.length ?? null,
    };
  return null;
}

function jobRow(record: JobRecord, state: JobState) {
  const base = `/_emulator/dashboard/content/${encodeURIComponent(record.id)}`;
  const present = state.kind === 'present' ? state : null;
  const done = present?.phase === 'succeeded';
  return {
    id: record.id,
    dialect: dialectOf(record),
    partition: record.partition,
    partition_label: partitionLabel(record.partition),
    status: statusOf(state),
    progress: present?.progress ?? null,
    model: record.model,
    prompt: record.prompt,
    size: `${record.width}x${record.height}`,
    seconds: record.seconds,
    variants: record.variants,
    remixed_from_id: record.remixedFromId ?? null,
    lineage: lineageOf(record),
    created_at_ms: record.createdAt,
    finished_at_ms: present?.finishedAt ?? null,
    expires_at_ms: present?.expiresAt ?? null,
    failure: present?.failure ?? null,
    outputs: !done
      ? null
      : record.kind === 'sora1'
        ? record.generationIds.map((generation) => ({
            generation,
            video: `${base}?generation=${encodeURIComponent(generation)}&variant=video`,
            thumbnail: `${base}?generation=${encodeURIComponent(generation)}&variant=thumbnail`,
          }))
        : [
            {
              generation: null,
              video: `${base}?variant=video`,
              thumbnail: `${base}?variant=thumbnail`,
              spritesheet: `${base}?variant=spritesheet`,
            },
          ],
  };
}

/** Unfinished jobs per partition and API family, against the quota policy. */
function quotaJson(emulator: EmulatorContext, jobs: readonly { record: JobRecord; state: JobState }[]) {
  const running = new Map<string, { partition: string; family: string; running: number }>();
  for (const { record, state } of jobs) {
    if (state.kind !== 'present' || isSettledPhase(state.phase)) continue;
    const key = `${record.partition}\u0000${record.kind}`;
    const entry = running.get(key) ?? { partition: record.partition, family: record.kind, running: 0 };
    entry.running += 1;
    running.set(key, entry);
  }
  const policy = emulator.engine.settings().quota;
  return {
    policy,
    partitions: [...running.values()]
      .sort((a, b) => a.partition.localeCompare(b.partition) || a.family.localeCompare(b.family))
      .map((entry) => ({
        ...entry,
        partition_label: partitionLabel(entry.partition),
        limit: policy.mode === 'concurrent' ? policy.maxConcurrent : null,
      })),
  };
}

/**
 * Builds the dashboard state.
 * @example
 * const state = dashboardState(emulator, requests, { status: 'running', limit: 50 });
 */
export function dashboardState(
  emulator: EmulatorContext,
  requests: RequestLog,
  query: DashboardQuery,
  work?: DashboardWork,
) {
  const { control } = emulator;
  const limit = Math.min(500, Math.max(1, Math.floor(query.limit ?? 50)));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const all = control.jobs();
  const partitions = new Set<string>();
  const statuses: Record<string, number> = {};
  const matching: { record: JobRecord; state: JobState }[] = [];
  if (work !== undefined) work.scanned += all.length;
  for (const job of all) {
    partitions.add(job.record.partition);
    if (query.dialect && dialectOf(job.record) !== query.dialect) continue;
    if (query.partition && job.record.partition !== query.partition) continue;
    const status = statusOf(job.state);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (query.status && status !== query.status) continue;
    matching.push(job);
  }
  matching.sort((a, b) => b.record.createdAt - a.record.createdAt || b.record.sequence - a.record.sequence);
  return {
    clock: clockJson(control.clockInfo()),
    scopes: control.clockScopes().map(clockScopeJson),
    jobs: {
      total: all.length,
      matching: matching.length,
      offset,
      limit,
      statuses,
      partitions: [...partitions]
        .sort()
        .map((partition) => ({ partition, label: partitionLabel(partition) })),
      data: matching.slice(offset, offset + limit).map(({ record, state }) => {
        if (work !== undefined) work.rows += 1;
        return jobRow(record, state);
      }),
    },
    faults: faultsJson(control.listFaults()),
    quota: quotaJson(emulator, all),
    requests: requests.entries().map((entry) => ({
      seq: entry.seq,
      at_ms: entry.at,
      method: entry.method,
      path: entry.path,
      status: entry.status,
      latency_ms: entry.latencyMs,
      request_id: entry.requestId,
    })),
    webhooks: {
      enabled: control.health().webhooks,
      deliveries: control
        .webhookDeliveries()
        .slice(-50)
        .reverse()
        .map((d) => ({
          event_id: d.event.id,
          type: d.event.type,
          video_id: d.event.data.id,
          outcome: d.outcome,
          attempts: d.attempts,
          last_status: d.lastStatus,
          last_error: d.lastError,
        })),
    },
  };
}
