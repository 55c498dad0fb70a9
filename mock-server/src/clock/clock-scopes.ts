/**
 * Clock scopes: by default every credential reads the one global clock; a scope gives a set of
 * credentials time of their own, so a test can advance its jobs (status, quotas, expiry,
 * webhooks) without moving anyone else's. A scope is a credential partition (`openai:sk-test-1`,
 * `azure:key`) or a named scope (`suite-a`) that partitions join. Scoped time is the global time
 * plus the scope's offset: advancing the global clock moves every scope with it, advancing a
 * scope moves only its members, and no scope ever goes backwards.
 * @module
 */

import type { ControllableClock } from './clock.js';

/** One scope as the control API reports it. */
export interface ClockScopeInfo {
  /** The scope: a credential partition or a name. */
  readonly scope: string;
  /** How far ahead of the global clock it runs, ms. */
  readonly offsetMs: number;
  /** Its time now, ms since the epoch. */
  readonly nowMs: number;
  /** The partitions that read it (a credential scope: itself). */
  readonly credentials: readonly string[];
}

/** What an advance changed: the scope, its members, and its time before and after. */
export interface ScopeAdvance {
  /** The scope moved (a credential in a named scope moves that scope). */
  readonly scope: string;
  /** Its members. */
  readonly credentials: readonly string[];
  /** Scoped time before. */
  readonly fromMs: number;
  /** Scoped time after. */
  readonly toMs: number;
}

/** Saved scopes (a durable emulator keeps them). */
export interface ClockScopesState {
  /** Offset per scope. */
  readonly offsets: { readonly [scope: string]: number };
  /** Named scope per member partition. */
  readonly members: { readonly [partition: string]: string };
}

/** The engine's view: how far a partition's clock runs ahead of the global one. */
export interface ClockOffsets {
  /** Offset of `partition`, ms (0 = the global clock). */
  offsetOf(partition: string): number;
  /** The largest offset of any scope (0 when there are none). */
  maxOffset(): number;
}

/** The scopes of one emulator. */
export interface ClockScopes extends ClockOffsets {
  /** The global clock they ride on. */
  readonly clock: ControllableClock;
  /** Time of `partition` (global time when undefined or unscoped). */
  now(partition?: string): number;
  /** The scope `partition` reads: the named scope it joined, else itself. */
  scopeOf(partition: string): string;
  /** Moves `scope` (a partition or a name) forward by `ms`. @throws RangeError */
  advance(scope: string, ms: number): ScopeAdvance;
  /** Partitions join the named scope `scope` (created at the global time if new). @throws RangeError */
  join(scope: string, partitions: readonly string[]): ClockScopeInfo;
  /** The scope's info; a scope never advanced reads the global clock. @throws RangeError */
  info(scope: string): ClockScopeInfo;
  /** Every scope with an offset or members. */
  list(): readonly ClockScopeInfo[];
  /** Removes every scope (all credentials read the global clock again). */
  clear(): void;
  /** What to save. */
  state(): ClockScopesState;
  /** Puts saved scopes back. */
  restore(state: ClockScopesState): void;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** True for a credential partition (`host:credential`), false for a scope name. */
export function isCredentialScope(scope: string): boolean {
  return scope.includes(':');
}

/** True when `scope` can name a clock scope: a credential (1-300 characters) or a scope name. */
export function isValidClockScope(scope: string): boolean {
  if (typeof scope !== 'string' || scope === '' || scope.length > 300) return false;
  return isCredentialScope(scope) || NAME.test(scope);
}

function checkScope(scope: string): void {
  if (typeof scope !== 'string' || scope === '' || scope.length > 300) {
    throw new RangeError('scope must be a credential (e.g. "openai:sk-test-1") or a scope name');
  }
  if (!isValidClockScope(scope)) {
    throw new RangeError(
      `scope "${scope}" is neither a credential ("openai:KEY", "azure:KEY") nor a name of letters, digits, ".", "_" and "-"`,
    );
  }
}

/**
 * Creates the scopes over the global clock.
 * @example
 * const scopes = createClockScopes(clock);
 * scopes.advance('openai:sk-test-1', 60_000); // only that key's jobs move a minute
 * scopes.now('openai:sk-test-1') - scopes.now(); // 60000
 */
export function createClockScopes(clock: ControllableClock): ClockScopes {
  const offsets = new Map<string, number>();
  const members = new Map<string, string>();
  let max = 0;
  const recomputeMax = (): void => {
    max = 0;
    for (const offset of offsets.values()) if (offset > max) max = offset;
  };
  const scopeOf = (partition: string): string => members.get(partition) ?? partition;
  const offsetOfScope = (scope: string): number => offsets.get(scope) ?? 0;
  const credentialsOf = (scope: string): string[] =>
    isCredentialScope(scope)
      ? [scope]
      : [...members]
          .filter(([, named]) => named === scope)
          .map(([partition]) => partition)
          .sort();
  const info = (scope: string): ClockScopeInfo => {
    const offsetMs = offsetOfScope(scope);
    return { scope, offsetMs, nowMs: clock.now() + offsetMs, credentials: credentialsOf(scope) };
  };
  return {
    clock,
    offsetOf: (partition) => offsetOfScope(scopeOf(partition)),
    maxOffset: () => max,
    now: (partition) => clock.now() + (partition === undefined ? 0 : offsetOfScope(scopeOf(partition))),
    scopeOf,
    advance(scope, ms) {
      checkScope(scope);
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a finite number >= 0');
      const resolved = isCredentialScope(scope) ? scopeOf(scope) : scope;
      const before = offsetOfScope(resolved);
      const now = clock.now();
      offsets.set(resolved, before + Math.floor(ms));
      recomputeMax();
      return {
        scope: resolved,
        credentials: credentialsOf(resolved),
        fromMs: now + before,
        toMs: now + before + Math.floor(ms),
      };
    },
    join(scope, partitions) {
      checkScope(scope);
      if (isCredentialScope(scope)) {
        throw new RangeError(`credentials join a named scope, not another credential ("${scope}")`);
      }
      const target = offsetOfScope(scope);
      for (const partition of partitions) {
        if (!isCredentialScope(partition)) {
          throw new RangeError(`"${partition}" is not a credential ("openai:KEY" or "azure:KEY")`);
        }
        const current = offsetOfScope(scopeOf(partition));
        if (current > target) {
          throw new RangeError(
            `${partition} runs ${current} ms ahead of scope "${scope}" (${target} ms); joining would move its time backwards`,
          );
        }
      }
      for (const partition of partitions) {
        members.set(partition, scope);
        offsets.delete(partition);
      }
      if (!offsets.has(scope)) offsets.set(scope, target);
      recomputeMax();
      return info(scope);
    },
    info(scope) {
      checkScope(scope);
      return info(isCredentialScope(scope) ? scopeOf(scope) : scope);
    },
    list: () => [...new Set([...offsets.keys(), ...members.values()])].sort().map((scope) => info(scope)),
    clear() {
      offsets.clear();
      members.clear();
      max = 0;
    },
    state: () => ({ offsets: Object.fromEntries(offsets), members: Object.fromEntries(members) }),
    restore(state) {
      offsets.clear();
      members.clear();
      for (const [scope, offset] of Object.entries(state.offsets)) offsets.set(scope, offset);
      for (const [partition, scope] of Object.entries(state.members)) members.set(partition, scope);
      recomputeMax();
    },
  };
}
