/**
 * `--out FILE` checked before a job is created: a paid job must not be started only to find it
 * cannot be saved.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
  if (!(await canCreateIn(folder))) {
    throw new UsageError(`--out ${out}: no permission to write in ${folder}`, command);
  }
}

/**
 * Whether this process can make a file in `folder`, the way the download does (a temporary file
 * there, then a rename over FILE): a uniquely named probe file is created and removed.
 * `access(W_OK)` is not enough: for root it answers yes for folders where no file can be made
 * (`/proc`, `/sys`).
 */
async function canCreateIn(folder: string): Promise<boolean> {
  const probe = join(folder, `.sora-kit-out-check-${process.pid}-${randomUUID()}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch {
    return false;
  }
  await rm(probe, { force: true });
  return true;
}
