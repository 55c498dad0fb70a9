/**
 * The message of a `node:util` parseArgs error in the wording the sora-kit command uses:
 * `unknown flag "--x"` rather than node's "Unknown option '--x'. To specify a positional…".
 * @module
 */

/**
 * @example
 * parseArgsMessage(new Error("Unknown option '--x'. To specify …")); // 'unknown flag "--x"'
 */
export function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  return unknown ? `unknown flag "${unknown[1]}"` : message;
}
