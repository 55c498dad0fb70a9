/**
 * `GET /_emulator/dashboard/content/:id`: a job's output for the page's `<video>` and `<img>`
 * elements, which cannot send credentials. It asks the job's own dialect route (with the job's
 * partition credential and the browser's Range header), so media, headers and Range answers are
 * the dialects' own: one implementation.
 * @module
 */

import type { EmulatorContext } from '../emulator-context.js';
import { dialectOf } from './dashboard-state.js';

/** The dialect request that serves `variant` of job `id` (`generation` for Sora 1), or undefined. */
export function dialectContentRequest(
  emulator: EmulatorContext,
  origin: string,
  id: string,
  variant: string,
  generation: string | undefined,
  range: string | undefined,
): Request | undefined {
  const job = emulator.control.jobs().find(({ record }) => record.id === id);
  if (job === undefined) return undefined;
  const { record } = job;
  const credential = record.partition.slice(record.partition.indexOf(':') + 1);
  const dialect = dialectOf(record);
  const headers = new Headers(
    dialect === 'openai-sora2' ? { authorization: `Bearer ${credential}` } : { 'api-key': credential },
  );
  if (range !== undefined) headers.set('range', range);
  let path: string;
  if (dialect === 'azure-sora1') {
    const gen = generation ?? record.generationIds[0];
    if (gen === undefined || !record.generationIds.includes(gen)) return undefined;
    const part = variant === 'thumbnail' ? 'thumbnail' : 'video';
    path = `/openai/v1/video/generations/${encodeURIComponent(gen)}/content/${part}?api-version=preview`;
  } else {
    const prefix = dialect === 'openai-sora2' ? '/v1' : '/openai/v1';
    path = `${prefix}/videos/${encodeURIComponent(id)}/content?variant=${encodeURIComponent(variant)}`;
  }
  return new Request(new URL(path, origin), { headers });
}
