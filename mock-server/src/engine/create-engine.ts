/**
 * The engine factory: wires clock, ids, store, quota, timing and faults into the service API.
 * @module
 */

import type { Clock } from '../clock/clock.js';
import { createRealClock } from '../clock/controllable-clock.js';
import { createMemoryCharacterStore } from '../store/memory-character-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import { buildJobRecord, validateJobInput } from './build-job-record.js';
import { createCharacterService } from './character-service.js';
import type {
  CreateJobInput,
  DeleteJobResult,
  EditJobInput,
  Engine,
  EngineOptions,
  EngineSettings,
  EngineSettingsChange,
  SettledJobEvent,
} from './engine.js';
import {
  InvalidConfigError,
  InvalidJobInputError,
  InvalidStateError,
  JobNotFoundError,
  ModelRetiredError,
} from './errors.js';
import { createFaultController } from './faults.js';
import { createIdSource } from './id-source.js';
import { isSettledPhase } from './job-phase.js';
import type { JobKind, JobLineage, JobRecord } from './job-record.js';
import { deriveJobState } from './job-state.js';
import { jobTimeline } from './job-timeline.js';
import type { TimingConfig } from './job-timing.js';
import { type JobView, toJobView } from './job-view.js';
import { createListingIndex } from './listing-index.js';
import { findModeratedWord, moderationFailure } from './moderation.js';
import { createPartitionIndex } from './partition-index.js';
import { checkQuota } from './quota-check.js';
import { DEFAULT_QUOTA, parseQuotaSpec, type QuotaPolicy, validateQuotaPolicy } from './quota-policy.js';
import { applyTiming, DEFAULT_TIMING, timingProblems } from './timing-profiles.js';

const HOUR_MS = 3_600_000;
/** Gone records stay stored this long (cursors, snapshots, webhooks) before `sweep` removes them. */
const SWEEP_GRACE_MS = HOUR_MS;

function resolveSettings(base: EngineSettings, change: EngineSettingsChange): EngineSettings {
  const quota: QuotaPolicy =
    change.quota === undefined
      ? base.quota
      : validateQuotaPolicy(typeof change.quota === 'string' ? parseQuotaSpec(change.quota) : change.quota);
  let timing: TimingConfig;
  try {
    timing = applyTiming(base.timing, change.timing);
  } catch (error) {
    throw new InvalidConfigError('timing', (error as Error).message);
  }
  const [problem] = timingProblems(timing);
  if (problem !== undefined) throw new InvalidConfigError(problem[0], problem[1]);
  const retentionHours = change.retentionHours ?? base.retentionHours;
  if (!Number.isFinite(retentionHours) || retentionHours <= 0) {
    throw new InvalidConfigError('retentionHours', 'retentionHours must be a finite number > 0');
  }
  return { quota, timing, retentionHours };
}

/**
 * Creates the job engine.
 * @example
 * const clock = createManualClock();
 * const engine = createEngine({ clock, seed: 1 });
 * const job = engine.createJob({ partition: 'key-a', kind: 'sora2', prompt: 'a red balloon', model: 'sora-2', width: 1280, height: 720, seconds: 4 });
 * clock.advance(job.settlesAt - clock.now());
 * engine.getJob('key-a', job.job.id).phase; // 'succeeded'
 */
export function createEngine<C extends Clock = Clock>(options: EngineOptions<C> = {}): Engine<C> {
  const clock = options.clock ?? (createRealClock() as unknown as C);
  const ids = options.ids ?? createIdSource(options.seed === undefined ? {} : { seed: options.seed });
  const store = options.store ?? createMemoryStore();
  // Each partition reads its clock scope: the global clock plus the scope's offset (0 by default).
  const offsets = options.offsets;
  const nowOf =
    offsets === undefined
      ? (): number => clock.now()
      : (partition: string): number => clock.now() + offsets.offsetOf(partition);
  const initialSettings = resolveSettings(
    { quota: DEFAULT_QUOTA, timing: DEFAULT_TIMING, retentionHours: 24 },
    {
      ...(options.quota === undefined ? {} : { quota: options.quota }),
      ...(options.timing === undefined ? {} : { timing: options.timing }),
      ...(options.retentionHours === undefined ? {} : { retentionHours: options.retentionHours }),
    },
  );
  const faults = createFaultController(options.faults);
  const characters = createCharacterService({
    store: options.characterStore ?? createMemoryCharacterStore(),
    ids,
    now: (partition) => nowOf(partition),
  });
  let settings = initialSettings;
  let sequence = 0;
  for (const partition of store.partitions()) {
    for (const record of store.list(partition)) sequence = Math.max(sequence, record.sequence + 1);
  }

  const presentView = (record: JobRecord | undefined, id: string, now: number, kind?: JobKind): JobView => {
    if (record === undefined || (kind !== undefined && record.kind !== kind)) throw new JobNotFoundError(id);
    const state = deriveJobState(record, now);
    if (state.kind === 'gone') throw new JobNotFoundError(id, state.reason);
    const retired = faults.retirement(record.model);
    if (retired) throw new ModelRetiredError(retired.model, retired.status, retired.message);
    return toJobView(record, state, now);
  };

  // Sweeps and quota checks through the index cost O(unfinished or in-window jobs) per create,
  // not O(stored jobs); it is rebuilt from the store whenever settings change.
  // Listings, generation lookups, the state dump and webhook scheduling read the listing index:
  // O(log n + answer) per call, built from the store once here.
  const listing = createListingIndex(store, clock.now());
  const index = createPartitionIndex({
    store,
    policy: () => settings.quota,
    graceMs: SWEEP_GRACE_MS,
    onRemove: (record) => listing.forget(record),
  });
  const put = (record: JobRecord, now: number): void => {
    store.put(record);
    index.track(record);
    listing.track(record, now);
  };

  const create = (input: CreateJobInput, lineage?: JobLineage): JobView => {
    validateJobInput(input);
    const now = nowOf(input.partition);
    const placed = input.characters?.length ? characters.resolve(input.partition, input.characters) : [];
    const retired = faults.retirement(input.model);
    if (retired) throw new ModelRetiredError(retired.model, retired.status, retired.message);
    index.sweep(input.partition, now);
    const refusal = checkQuota(index.quotaRecords(input.partition, input.kind, now), now, settings.quota);
    if (refusal) throw refusal;
    const moderated = findModeratedWord(input.prompt, faults.get().moderationWords) !== null;
    const failure = moderated
      ? { progress: 0, failure: moderationFailure(input.kind) }
      : faults.takeFailure({
          prompt: input.prompt,
          model: input.model,
          partition: input.partition,
          kind: input.kind,
        });
    const record = buildJobRecord(input, {
      now,
      sequence: sequence++,
      ids,
      timing: settings.timing,
      retentionMs: Math.round(settings.retentionHours * HOUR_MS),
      failure,
      ...(lineage === undefined ? {} : { lineage }),
      characters: placed,
    });
    put(record, now);
    return presentView(record, record.id, now);
  };

  /** A completed Sora 2 video of the partition, the source of a remix, edit or extension. */
  const completedSource = (
    partition: string,
    id: string,
    operation: 'remix' | 'edit' | 'extend',
  ): JobView => {
    // A Sora 1 id is not found: each dialect sees only its own kind of job.
    const source = presentView(store.get(partition, id), id, nowOf(partition), 'sora2');
    const verb = { remix: 'remixed', edit: 'edited', extend: 'extended' }[operation];
    if (source.phase !== 'succeeded') {
      throw new InvalidStateError(
        source.job.id,
        source.phase,
        operation,
        `Video '${source.job.id}' is ${source.phase}; only completed videos can be ${verb}.`,
      );
    }
    return source;
  };

  /** A new Sora 2 job shaped like `source` (model and base model, size, expiry basis, metadata). */
  const derived = (
    source: JobRecord,
    partition: string,
    prompt: string,
    seconds: number,
    metadata: CreateJobInput['metadata'],
  ): CreateJobInput => {
    const extras = metadata ?? source.metadata;
    return {
      partition,
      kind: 'sora2',
      prompt,
      model: source.model,
      ...(source.baseModel === undefined ? {} : { baseModel: source.baseModel }),
      width: source.width,
      height: source.height,
      seconds,
      expiryBasis: source.expiryBasis,
      ...(extras === undefined ? {} : { metadata: extras }),
    };
  };

  /** A new Sora 2 job made from an uploaded video: its size, the upload's model, `seconds` long. */
  const fromUpload = (
    partition: string,
    prompt: string,
    source: Exclude<EditJobInput['source'], { readonly id: string }>,
    seconds: number,
    metadata: CreateJobInput['metadata'],
  ): CreateJobInput => ({
    partition,
    kind: 'sora2',
    prompt,
    model: source.model,
    ...(source.baseModel === undefined ? {} : { baseModel: source.baseModel }),
    width: source.upload.width,
    height: source.upload.height,
    seconds,
    inputs: [source.upload.input],
    ...(source.expiryBasis === undefined ? {} : { expiryBasis: source.expiryBasis }),
    ...(metadata === undefined ? {} : { metadata }),
  });

  const cancelAt = (view: JobView, now: number): JobView => {
    if (isSettledPhase(view.phase)) throw new InvalidStateError(view.job.id, view.phase, 'cancel');
    const record: JobRecord = Object.freeze({ ...view.job, cancelledAt: now });
    put(record, now);
    return presentView(record, record.id, now);
  };

  return {
    clock,
    ids,
    store,
    faults,
    settings: () => settings,
    configure(change) {
      settings = resolveSettings(settings, change);
      index.clear();
      return settings;
    },
    createJob: (input) => create(input),
    characters,
    remixJob(input) {
      const source = completedSource(input.partition, input.sourceId, 'remix').job;
      return create(derived(source, input.partition, input.prompt, source.seconds, input.metadata), {
        remixedFromId: source.id,
      });
    },
    editJob(input) {
      if ('id' in input.source) {
        const source = completedSource(input.partition, input.source.id, 'edit').job;
        return create(derived(source, input.partition, input.prompt, source.seconds, input.metadata), {
          editedFromId: source.id,
        });
      }
      const upload = input.source;
      return create(fromUpload(input.partition, input.prompt, upload, upload.upload.seconds, input.metadata));
    },
    extendJob(input) {
      const upload = 'id' in input.source ? undefined : input.source;
      const source =
        upload === undefined
          ? completedSource(input.partition, (input.source as { id: string }).id, 'extend').job
          : undefined;
      const sourceSeconds = source?.seconds ?? upload?.upload.seconds ?? 0;
      const sourceName = source === undefined ? 'the uploaded video' : `video '${source.id}'`;
      const count = (source?.extensionCount ?? 0) + 1;
      if (count > input.limits.maxExtensions) {
        throw new InvalidJobInputError(
          'seconds',
          `Invalid 'seconds': ${sourceName} has been extended ${count - 1} times; a video can be extended at most ${input.limits.maxExtensions} times.`,
        );
      }
      const total = sourceSeconds + input.seconds;
      if (total > input.limits.maxTotalSeconds) {
        throw new InvalidJobInputError(
          'seconds',
          `Invalid 'seconds': extending ${sourceName} (${sourceSeconds} s) by ${input.seconds} s would make ${total} s; a video can last at most ${input.limits.maxTotalSeconds} s.`,
        );
      }
      const part = { seconds: input.seconds, prompt: input.prompt };
      if (upload !== undefined) {
        // An upload's part is drawn from its own seed: the emulator does not decode H.264.
        return create(fromUpload(input.partition, input.prompt, upload, total, input.metadata), {
          extensionCount: 1,
          segments: [{ seconds: sourceSeconds, prompt: 'uploaded video', seed: 'upload' }, part],
        });
      }
      const from = source as JobRecord;
      const before = from.segments ?? [{ seconds: from.seconds, prompt: from.prompt, seed: from.id }];
      const sealed = before.map((segment) =>
        segment.seed === undefined ? { ...segment, seed: from.id } : segment,
      );
      return create(derived(from, input.partition, input.prompt, total, input.metadata), {
        extendedFromId: from.id,
        extensionCount: count,
        segments: [...sealed, part],
      });
    },
    getJob: (partition, id, kind) => presentView(store.get(partition, id), id, nowOf(partition), kind),
    getGeneration(partition, generationId) {
      const now = nowOf(partition);
      const owner = listing.generationOwner(partition, generationId);
      const job = presentView(owner, generationId, now);
      const generation = job.generations.find((g) => g.id === generationId);
      if (generation === undefined) throw new JobNotFoundError(generationId);
      return { job, generation };
    },
    listJobs: (partition, listOptions) => listing.page(partition, nowOf(partition), listOptions),
    cancelJob(partition, id, kind) {
      const now = nowOf(partition);
      return cancelAt(presentView(store.get(partition, id), id, now, kind), now);
    },
    deleteJob(partition, id, kind): DeleteJobResult {
      const now = nowOf(partition);
      const view = presentView(store.get(partition, id), id, now, kind);
      if (!isSettledPhase(view.phase)) {
        if (view.job.kind === 'sora1') return { outcome: 'cancelled', id, job: cancelAt(view, now) };
        throw new InvalidStateError(
          id,
          view.phase,
          'delete',
          `Video '${id}' is ${view.phase}; only completed or failed videos can be deleted.`,
        );
      }
      const deleted: JobRecord = Object.freeze({ ...view.job, deletedAt: now });
      put(deleted, now);
      options.onDeleted?.(deleted);
      return { outcome: 'deleted', id };
    },
    settledBetween(fromMs, toMs, scope) {
      const events: SettledJobEvent[] = [];
      // Bounds are global time, or the scope's own time when `scope` names its partitions. A
      // scoped job settles at global time settlesAt - offset, so the window widens by the largest
      // offset and each record is checked against its own partition's offset.
      const widen = scope === undefined && offsets !== undefined ? offsets.maxOffset() : 0;
      for (const record of listing.plannedSettles(fromMs, toMs + widen)) {
        const at = jobTimeline(record).settlesAt;
        if (scope !== undefined) {
          if (!scope.includes(record.partition)) continue;
        } else if (offsets !== undefined) {
          const global = at - (offsets?.offsetOf(record.partition) ?? 0);
          if (global <= fromMs || global > toMs) continue;
        }
        const state = deriveJobState(record, at);
        if (state.kind !== 'present' || (state.phase !== 'succeeded' && state.phase !== 'failed')) continue;
        events.push({ job: record, phase: state.phase, at, failure: state.failure });
      }
      return events;
    },
    sweep() {
      return store.partitions().reduce((sum, partition) => sum + index.sweep(partition, nowOf(partition)), 0);
    },
    reset() {
      store.clear();
      characters.store.clear();
      ids.reset();
      faults.clear();
      faults.set(options.faults ?? {});
      settings = initialSettings;
      sequence = 0;
      index.clear();
      listing.rebuild();
    },
    snapshot() {
      const now = clock.now();
      const { data } = listing.storedPage(now, { limit: Number.POSITIVE_INFINITY }, nowOf);
      const characterRecords = characters.store
        .partitions()
        .flatMap((partition) => characters.store.list(partition));
      return {
        now,
        clockMode: clock.mode,
        settings,
        faults: faults.get(),
        jobs: data,
        characters: characterRecords,
      };
    },
    storedJobs(options) {
      return listing.storedPage(clock.now(), options, nowOf);
    },
    jobCount: () => listing.storedCount,
  };
}
