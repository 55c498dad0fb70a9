/**
 * Where the embedded emulator of the `sora-kit` command keeps its state: `--data DIR`, else
 * `SORA_KIT_DATA`, else `$XDG_DATA_HOME/sora-kit`, else `~/.local/share/sora-kit`; `--no-persist`
 * keeps it in memory. Read from the command's environment only, so a test run with an empty
 * environment never writes to the user's home.
 * @module
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { CliIo } from './cli-io.js';

/** Environment variable naming the embedded emulator's data directory. */
export const DATA_VARIABLE = 'SORA_KIT_DATA';

/** The persistence flags of a command. */
export interface PersistFlags {
  /** `--data DIR`. */
  readonly data: string | undefined;
  /** `--no-persist`. */
  readonly noPersist: boolean;
}

/**
 * The data directory (absolute), or null for in-memory state (`--no-persist`, or no home known).
 * @example
 * embeddedDataDir({ env: { HOME: '/home/ada' } }, { data: undefined, noPersist: false }); // '/home/ada/.local/share/sora-kit'
 */
export function embeddedDataDir(io: Pick<CliIo, 'env' | 'cwd'>, flags: PersistFlags): string | null {
  if (flags.noPersist) return null;
  const cwd = io.cwd ?? process.cwd();
  const given = flags.data ?? nonEmpty(io.env[DATA_VARIABLE]);
  if (given !== undefined) return resolve(cwd, given);
  const xdg = nonEmpty(io.env.XDG_DATA_HOME);
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'sora-kit');
  const home = nonEmpty(io.env.HOME) ?? nonEmpty(io.env.USERPROFILE);
  return home === undefined ? null : join(home, '.local', 'share', 'sora-kit');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
