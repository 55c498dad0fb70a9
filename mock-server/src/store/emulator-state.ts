/**
 * Which emulator state a durable emulator saves besides the jobs, and how it is read back:
 * the clock (`clock`) and its scopes (`clockScopes`), the id stream positions (`ids`), engine
 * faults (`faults`), HTTP faults (`httpFaults`), webhook progress (`webhooks`: scan cursor and
 * undelivered events) and the characters (`characters`: they never expire, so all of them).
 * Browser-safe: it only shapes JSON for an {@link EmulatorPersistence}.
 * @module
 */

import type { ClockMode, ControllableClock } from '../clock/clock.js';
import type { ClockScopes, ClockScopesState } from '../clock/clock-scopes.js';
import type { HttpFaultStore, LatencyFault, RouteFault } from '../control/http-fault-store.js';
import type { FaultConfig, FaultController } from '../engine/faults.js';
import type { IdSource, IdStreamPositions } from '../engine/id-source.js';
import type { JsonValue } from '../engine/job-record.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import type { VideoWebhookEvent } from '../webhooks/webhook-event.js';
import type { CharacterRecord, CharacterStore } from './character-store.js';
import type { EmulatorPersistence, PersistedState } from './emulator-persistence.js';

/** The saved clock: emulated time at a host wall-clock moment, mode and speed. */
export interface SavedClock {
  /** Emulated ms at the save. */
  readonly nowMs: number;
  /** Host wall ms at the save (a real clock kept running while the emulator was down). */
  readonly wallMs: number;
  /** Mode. */
  readonly mode: ClockMode;
  /** Real-mode speed. */
  readonly speed: number;
}

/** Saved webhook progress. */
export interface SavedWebhooks {
  /** The dispatcher's scan cursor (emulated ms). */
  readonly cursorMs: number;
  /** Events queued or in flight. */
  readonly pending: readonly VideoWebhookEvent[];
}

/**
 * A piece of state another part of the emulator keeps (e.g. a characters store): saved under
 * `key` with every checkpoint, restored at start. The hook a new synchronous store plugs into.
 */
export interface DurableStatePart {
  /** State key (not one of `clock`, `clockScopes`, `ids`, `faults`, `httpFaults`, `webhooks`). */
  readonly key: string;
  /** The current value (JSON). */
  save(): JsonValue;
  /** Puts a saved value back (at start, before any request). */
  restore(value: JsonValue): void;
}

/** Everything {@link emulatorStateSource} reads. */
export interface EmulatorStateParts {
  /** The clock. */
  readonly clock: ControllableClock;
  /** The id source. */
  readonly ids: IdSource;
  /** Engine faults. */
  readonly faults: FaultController;
  /** HTTP faults. */
  readonly httpFaults: HttpFaultStore;
  /** Clock scopes. */
  readonly scopes: ClockScopes;
  /** The webhook dispatcher, when webhooks are on. */
  readonly webhooks: WebhookDispatcher | null;
  /** Host wall time. */
  readonly wallNow: () => number;
  /** Further state to keep (see {@link DurableStatePart}). */
  readonly parts?: readonly DurableStatePart[];
  /** The characters, saved whole at each checkpoint. */
  readonly characters?: CharacterStore;
}

/**
 * The state source a persistence checkpoints (see {@link EmulatorPersistence.setStateSource}).
 * @example
 * persistence.setStateSource(emulatorStateSource({ clock, ids, faults, httpFaults, webhooks: null, wallNow: Date.now }));
 */
export function emulatorStateSource(parts: EmulatorStateParts): () => PersistedState {
  return () => {
    const clock: SavedClock = {
      nowMs: parts.clock.now(),
      wallMs: parts.clock.mode === 'manual' ? 0 : parts.wallNow(),
      mode: parts.clock.mode,
      speed: parts.clock.speed,
    };
    const state: Record<string, JsonValue> = {
      clock: clock as unknown as JsonValue,
      ids: parts.ids.positions() as unknown as JsonValue,
      faults: parts.faults.get() as unknown as JsonValue,
      httpFaults: parts.httpFaults.list() as unknown as JsonValue,
      clockScopes: parts.scopes.state() as unknown as JsonValue,
    };
    if (parts.characters !== undefined) {
      const store = parts.characters;
      state.characters = store
        .partitions()
        .flatMap((partition) => store.list(partition)) as unknown as JsonValue;
    }
    if (parts.webhooks !== null) {
      const webhooks: SavedWebhooks = {
        cursorMs: parts.webhooks.cursor(),
        pending: parts.webhooks.pendingEvents(),
      };
      state.webhooks = webhooks as unknown as JsonValue;
    }
    for (const part of parts.parts ?? []) state[part.key] = part.save();
    return state;
  };
}

/**
 * Where the clock resumes: a manual clock exactly where it stopped, a real clock as if it had kept
 * running (at its speed) while the emulator was down. Never earlier than the saved time.
 * @example
 * const start = resumedClock(persistence, Date.now()); // undefined on a fresh data directory
 */
export function resumedClock(
  persistence: EmulatorPersistence,
  wallNow: number,
): { mode: ClockMode; speed: number; startMs: number } | undefined {
  const saved = persistence.readState('clock') as SavedClock | undefined;
  if (saved === undefined) return undefined;
  const startMs =
    saved.mode === 'manual'
      ? saved.nowMs
      : Math.max(saved.nowMs, Math.floor(saved.nowMs + (wallNow - saved.wallMs) * saved.speed));
  return { mode: saved.mode, speed: saved.speed, startMs };
}

/**
 * Puts saved ids, engine faults and HTTP faults back (the clock and webhooks are restored where
 * they are created).
 * @example
 * restoreEmulatorState(persistence, { ids: engine.ids, faults: engine.faults, httpFaults: control.httpFaults });
 */
export function restoreEmulatorState(
  persistence: EmulatorPersistence,
  parts: Pick<EmulatorStateParts, 'ids' | 'faults' | 'httpFaults' | 'scopes' | 'parts'>,
): void {
  for (const part of parts.parts ?? []) {
    const saved = persistence.readState(part.key);
    if (saved !== undefined) part.restore(saved);
  }
  const scopes = persistence.readState('clockScopes') as ClockScopesState | undefined;
  if (scopes !== undefined) parts.scopes.restore(scopes);
  const ids = persistence.readState('ids') as IdStreamPositions | undefined;
  if (ids !== undefined) parts.ids.resume(ids);
  const faults = persistence.readState('faults') as FaultConfig | undefined;
  if (faults !== undefined) parts.faults.set(faults);
  const http = persistence.readState('httpFaults') as
    | { routes: RouteFault[]; latency: LatencyFault[] }
    | undefined;
  for (const fault of http?.routes ?? []) parts.httpFaults.addRouteFault(fault);
  for (const fault of http?.latency ?? []) parts.httpFaults.addLatency(fault);
}

/** The saved characters (empty on a fresh data directory). */
export function savedCharacters(persistence: EmulatorPersistence): readonly CharacterRecord[] {
  return (persistence.readState('characters') as CharacterRecord[] | undefined) ?? [];
}

/**
 * Wraps a character store so every write (a new character, a reset) is followed by `changed()`,
 * which checkpoints them.
 * @example
 * const characters = notifyingCharacterStore(createMemoryCharacterStore(), () => persistence.checkpoint());
 */
export function notifyingCharacterStore(store: CharacterStore, changed: () => void): CharacterStore {
  return {
    put(record) {
      store.put(record);
      changed();
    },
    get: (partition, id) => store.get(partition, id),
    list: (partition) => store.list(partition),
    partitions: () => store.partitions(),
    clear() {
      store.clear();
      changed();
    },
  };
}

/** The saved webhook progress, if any. */
export function savedWebhooks(persistence: EmulatorPersistence): SavedWebhooks | undefined {
  return persistence.readState('webhooks') as SavedWebhooks | undefined;
}

/**
 * Wraps a clock so every change (advance, set, mode, speed) is followed by `changed()`.
 * @example
 * const clock = notifyingClock(createClock(), () => persistence.checkpoint());
 */
export function notifyingClock(clock: ControllableClock, changed: () => void): ControllableClock {
  return {
    now: () => clock.now(),
    get mode() {
      return clock.mode;
    },
    get speed() {
      return clock.speed;
    },
    advance(ms) {
      const at = clock.advance(ms);
      changed();
      return at;
    },
    set(ms) {
      const at = clock.set(ms);
      changed();
      return at;
    },
    setMode(mode) {
      clock.setMode(mode);
      changed();
    },
    setSpeed(speed) {
      clock.setSpeed(speed);
      changed();
    },
  };
}
