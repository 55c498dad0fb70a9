/** A signal that aborts when `parent` does, until `unlink()` detaches it. */
export interface LinkedSignal {
  signal: AbortSignal;
  unlink(): void;
}

/** Links a fresh signal to `parent` for the duration of one call. */
export function linkSignal(parent: AbortSignal): LinkedSignal {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, unlink: () => {} };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, unlink: () => parent.removeEventListener('abort', onAbort) };
}
