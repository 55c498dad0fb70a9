/**
 * The error a scenario throws when the target breaks the contract.
 * @module
 */

const MARKER = Symbol.for('sora-kit.contract.ContractFailure');

/** A broken expectation: wrong status, a body that fails its strict schema, bad media, a cost-guard refusal. */
export class ContractFailure extends Error {
  /** Marker so `isInstance` survives duplicated package copies. */
  readonly [MARKER] = true;

  /** @param message what was expected and what came back */
  constructor(message: string) {
    super(message);
    this.name = 'ContractFailure';
  }

  /** Whether `value` is a ContractFailure (any copy of this package). */
  static isInstance(value: unknown): value is ContractFailure {
    return typeof value === 'object' && value !== null && MARKER in value;
  }
}

const SKIP_MARKER = Symbol.for('sora-kit.contract.ContractSkip');

/** Thrown by `ctx.skip(reason)`: the scenario does not apply to this target as configured. */
export class ContractSkip extends Error {
  /** Marker so `isInstance` survives duplicated package copies. */
  readonly [SKIP_MARKER] = true;

  /** @param message why the scenario does not apply */
  constructor(message: string) {
    super(message);
    this.name = 'ContractSkip';
  }

  /** Whether `value` is a ContractSkip (any copy of this package). */
  static isInstance(value: unknown): value is ContractSkip {
    return typeof value === 'object' && value !== null && SKIP_MARKER in value;
  }
}

/** Bad configuration of the kit itself (an unknown flag value, a malformed environment variable). */
export class ContractConfigError extends Error {
  /** @param message what is wrong and how to fix it */
  constructor(message: string) {
    super(message);
    this.name = 'ContractConfigError';
  }
}
