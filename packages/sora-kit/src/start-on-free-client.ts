import type { VideoClient } from '@sora-kit/core';

/** A call that has been started; wrapped so awaiting the wrapper does not await the call. */
export interface Started<T> {
  /** The running call. */
  started: Promise<T>;
}

/**
 * Calls `start` on the first of `clients` with a free slot. When all are busy it queues on every
 * client's gate at once (so each gate polls its held jobs) and, on the first slot granted, gives
 * that slot back and calls `start` on its client in the same synchronous step, so the client's own
 * create takes the slot before anything else can. Resolves as soon as `start` has been called.
 */
export async function startOnFreeClient<T>(
  clients: readonly VideoClient[],
  signal: AbortSignal | undefined,
  start: (client: VideoClient) => Promise<T>,
): Promise<Started<T>> {
  if (signal?.aborted) throw signal.reason;
  const free = clients.find((client) => client.hasFreeSlot());
  if (free) return { started: start(free) };
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let started: Promise<T> | undefined;
  try {
    await Promise.any(
      clients.map((client) =>
        client.gate.acquire({ signal: controller.signal }).then((slot) => {
          slot.release();
          if (started) return;
          controller.abort();
          started = start(client);
        }),
      ),
    );
  } catch (error) {
    throw signal?.aborted ? signal.reason : error instanceof AggregateError ? error.errors[0] : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return { started: started! };
}
