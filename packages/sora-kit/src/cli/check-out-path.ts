/**
 * `--out FILE` checked before a job is created: a paid job must not be started only to find it
 * cannot be saved.
 * @module
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Throws {@link UsageError} (exit code 2) when `out` names a directory, a file in a folder that
 * does not exist, or a place this process cannot write.
 * @example
 * await checkOutPath('generate', process.cwd(), 'videos/fox.mp4');
 */
export async function checkOutPath(command: string, cwd: string, out: string | undefined): Promise<void> {
  if (out === undefined) return;
  const path = resolve(cwd, out);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new UsageError(
      `--out ${out} is a directory; give a file name (e.g. ${out.replace(/\/$/, '')}/video.mp4)`,
      command,
    );
  }
  const folder = dirname(path);
  const parent = await stat(folder).catch(() => undefined);
  if (!parent)
    throw new UsageError(`--out ${out}: the folder ${folder} does not exist; create it first`, command);
  if (!parent.isDirectory()) throw new UsageError(`--out ${out}: ${folder} is not a folder`, command);
  const writable = await access(existing ? path : folder, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) {
    throw new UsageError(`--out ${out}: no permission to write ${existing ? path : `in ${folder}`}`, command);
  }
}
