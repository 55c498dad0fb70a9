/**
 * The polling loop of `VideoClient.wait`.
 * @module
 */
import type { VideoJob } from '../types.js';
import type { ProviderJobResult } from '../video-provider.js';
import type { ClientRuntime } from './client-runtime.js';
import { jobFailedError } from './job-failed.js';
import { nextPollDelay } from './poll-options.js';
import { ProgressTracker } from './progress-tracker.js';
import type { WaitOptions } from './video-client-options.js';

/**
 * Reads the job until it is final (starting from `first` when the caller already has a read),
 * sleeping as `nextPollDelay` says. The gate is told the job is watched, so it does not poll it too.
 */
export async function pollUntilDone(
  runtime: ClientRuntime,
  id: string,
  expiresAt: Date | undefined,
  options: WaitOptions,
  first?: ProviderJobResult,
): Promise<VideoJob> {
  const scope = runtime.openScope(options.signal, options.timeoutMs ?? runtime.poll.timeoutMs, id);
  const unwatch = runtime.gate.watch(id);
  const tracker = new ProgressTracker(options.onProgress);
  const read = (signal: AbortSignal) =>
    runtime
      .call('get', (s) => runtime.provider.get(id, { signal: s }), signal)
      .catch((error: unknown) => {
        throw runtime.notFound(error, id, expiresAt);
      });
  try {
    let result = first ?? (await read(scope.signal));
    for (let polls = 0; ; polls++) {
      const { job, hint } = result;
      runtime.observe(job);
      tracker.observe(job);
      if (job.status === 'completed') return job;
      if (job.status === 'failed' || job.status === 'cancelled') throw jobFailedError(job);
      const nextDelayMs = nextPollDelay(polls, runtime.poll, options.pollIntervalMs, hint?.pollAfterMs);
      runtime.emit({ type: 'poll', jobId: id, status: job.status, progress: job.progress, nextDelayMs });
      await runtime.delay(nextDelayMs, scope.signal);
      result = await read(scope.signal);
    }
  } catch (error) {
    throw scope.fail(error, id);
  } finally {
    unwatch();
    scope.dispose();
  }
}
