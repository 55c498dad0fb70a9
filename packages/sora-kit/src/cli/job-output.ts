/**
 * What the job subcommands print on stdout: one JSON document (`--json`) or the job's lines and
 * the files saved.
 * @module
 */
import type { VideoJob } from '@sora-kit/core';
import type { CliIo } from './cli-io.js';
import { formatJob, jobToJson } from './job-view.js';
import type { GlobalFlags } from './parse-command-args.js';
import { formatBytes, type SavedFile } from './save-outputs.js';

/** Writes `value` as indented JSON and a newline on stdout. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One `saved PATH (SIZE)` line per file on stdout. */
export function writeSavedFiles(io: CliIo, files: readonly SavedFile[]): void {
  for (const file of files) io.stdout.write(`saved ${file.path} (${formatBytes(file.bytes)})\n`);
}

/** The job and the files saved: `{ job, files }` with `--json`, else the job's lines and the files. */
export function writeJobResult(
  io: CliIo,
  global: GlobalFlags,
  job: VideoJob,
  handle: string,
  files: readonly SavedFile[],
): void {
  if (global.json) {
    writeJson(io, { job: jobToJson(job, handle), files });
  } else {
    io.stdout.write(formatJob(job, handle));
    writeSavedFiles(io, files);
  }
}
