/**
 * How the command shows a job: a JSON object (`--json`) or a few aligned lines. Jobs are named
 * by their handle, so a later `sora-kit status HANDLE` reaches the right backend.
 * @module
 */
import type { VideoJob } from '@sora-kit/core';

/** A job as `--json` prints it. */
export interface JobJson {
  /** The handle (`sora-kit:v1:<backend>:<id>...`): pass it to status, wait, download, remix, delete. */
  handle: string;
  /** The backend's own id. */
  id: string;
  /** Backend id. */
  backend: string;
  /** Unified status. */
  status: string;
  /** Percent done, when known. */
  progress: number | undefined;
  /** Model or deployment. */
  model: string | undefined;
  /** Prompt, when the backend returns it. */
  prompt: string | undefined;
  /** `WIDTHxHEIGHT`. */
  size: string;
  /** Duration. */
  seconds: number;
  /** Variants. */
  variants: number;
  /** ISO times. */
  createdAt: string;
  /** When it completed. */
  completedAt: string | undefined;
  /** When its outputs expire. */
  expiresAt: string | undefined;
  /** The video this one remixes. */
  remixedFromId: string | undefined;
  /** Downloadable outputs. */
  outputs: VideoJob['outputs'];
  /** Why it failed. */
  error: VideoJob['error'];
}

/** The JSON form of `job`. */
export function jobToJson(job: VideoJob, handle: string): JobJson {
  return {
    handle,
    id: job.id,
    backend: job.backend,
    status: job.status,
    progress: job.progress,
    model: job.model,
    prompt: job.prompt,
    size: `${job.width}x${job.height}`,
    seconds: job.seconds,
    variants: job.variants,
    createdAt: job.createdAt.toISOString(),
    completedAt: job.completedAt?.toISOString(),
    expiresAt: job.expiresAt?.toISOString(),
    remixedFromId: job.remixedFromId,
    outputs: job.outputs,
    error: job.error,
  };
}

/** The human form of `job`: one `label: value` line per known field. */
export function formatJob(job: VideoJob, handle: string): string {
  const rows: [string, string | undefined][] = [
    ['handle', handle],
    ['backend', job.backend + (job.model ? ` (${job.model})` : '')],
    ['status', job.status + (job.progress === undefined ? '' : ` ${job.progress}%`)],
    [
      'size',
      `${job.width}x${job.height}, ${job.seconds} s, ${job.variants} variant${job.variants === 1 ? '' : 's'}`,
    ],
    ['prompt', job.prompt],
    ['created', job.createdAt.toISOString()],
    ['completed', job.completedAt?.toISOString()],
    ['expires', job.expiresAt?.toISOString()],
    ['remix of', job.remixedFromId],
    ['outputs', job.outputs.length === 0 ? undefined : job.outputs.map((output) => output.id).join(', ')],
    ['error', job.error ? `${job.error.code}: ${job.error.message}` : undefined],
  ];
  return `${rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([label, value]) => `${`${label}:`.padEnd(11)}${value}`)
    .join('\n')}\n`;
}

/** One line of `sora-kit list`: handle, status, size, seconds, creation time. */
export function formatJobRow(job: VideoJob, handle: string): string {
  const progress = job.status === 'in_progress' && job.progress !== undefined ? ` ${job.progress}%` : '';
  return `${handle}  ${job.status}${progress}  ${job.width}x${job.height}  ${job.seconds}s  ${job.createdAt.toISOString()}`;
}
