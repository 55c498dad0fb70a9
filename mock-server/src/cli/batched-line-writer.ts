/**
 * Log lines written in batches, off the request path: lines are joined and handed to the sink in
 * one `write` after the current turn of the event loop (or at once past `maxBytes`), so a busy
 * server makes one write per turn instead of one per request.
 * @module
 */

/** Where the batches go (a Node stream, or anything with `write`). */
export interface LineSink {
  /** Takes one chunk of whole lines. */
  write(chunk: string): unknown;
}

/** A batching writer. */
export interface BatchedLineWriter {
  /** Queues `line` (without its newline). */
  write(line: string): void;
  /** Writes every queued line now. */
  flush(): void;
}

/**
 * Creates a writer over `sink`.
 * @example
 * const out = createBatchedLineWriter(process.stdout);
 * out.write('GET /v1/videos 200 0.4 ms');
 * out.flush(); // before exit
 */
export function createBatchedLineWriter(
  sink: LineSink,
  options: { maxBytes?: number } = {},
): BatchedLineWriter {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  let lines: string[] = [];
  let bytes = 0;
  let scheduled = false;
  const flush = (): void => {
    if (lines.length === 0) return;
    const chunk = `${lines.join('\n')}\n`;
    lines = [];
    bytes = 0;
    sink.write(chunk);
  };
  return {
    write(line) {
      lines.push(line);
      bytes += line.length + 1;
      if (bytes >= maxBytes) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          flush();
        });
      }
    },
    flush,
  };
}
