/**
 * Writes job progress to stderr: one line redrawn in place on a terminal, a few plain lines
 * otherwise, nothing with `--json` or `--quiet`.
 * @module
 */
import type { CliOutput } from './cli-io.js';
import { renderProgressBar, renderQueuePosition } from './progress-bar.js';

/** How progress is shown. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/** Picks the mode: off for JSON or quiet output, a bar on a terminal, lines elsewhere. */
export function progressMode(stream: CliOutput, flags: { json: boolean; quiet: boolean }): ProgressMode {
  if (flags.json || flags.quiet) return 'off';
  return stream.isTTY === true ? 'bar' : 'lines';
}

/** Percent steps at which `lines` mode prints while the status stays the same. */
const LINE_STEP = 25;

/** Shows queue positions and job progress on one stream. */
export class ProgressReporter {
  readonly #stream: CliOutput;
  readonly #mode: ProgressMode;
  #drawn = false;
  #lastStatus = '';
  #lastStep = -1;

  /** @param stream Where to write (stderr). @param mode See {@link progressMode}. */
  constructor(stream: CliOutput, mode: ProgressMode) {
    this.#stream = stream;
    this.#mode = mode;
  }

  /** The client's queue position callback (0 = got a slot). */
  queuePosition(position: number): void {
    if (position > 0) this.#show(renderQueuePosition(position), true);
  }

  /** The client's progress callback. */
  progress(status: string, progress: number): void {
    const step = Math.floor(progress / LINE_STEP);
    const changed = status !== this.#lastStatus || step > this.#lastStep;
    this.#lastStatus = status;
    this.#lastStep = Math.max(this.#lastStep, step);
    this.#show(renderProgressBar(status, progress), changed);
  }

  /** A message between progress updates (e.g. the job handle); keeps the bar intact. */
  note(text: string): void {
    if (this.#mode === 'off') return;
    this.done();
    this.#stream.write(`${text}\n`);
  }

  /** Ends the redrawn line, if any. */
  done(): void {
    if (this.#drawn) this.#stream.write('\n');
    this.#drawn = false;
  }

  #show(text: string, changed: boolean): void {
    if (this.#mode === 'bar') {
      this.#stream.write(`\r${text}\x1b[K`);
      this.#drawn = true;
    } else if (this.#mode === 'lines' && changed) {
      this.#stream.write(`${text}\n`);
    }
  }
}
