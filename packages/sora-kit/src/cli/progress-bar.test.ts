import { describe, expect, it } from 'vitest';
import { renderProgressBar, renderQueuePosition } from './progress-bar.js';
import { ProgressReporter, progressMode } from './progress-reporter.js';
import { captureIo } from './test-support/capture-io.js';

describe('progress bar', () => {
  it('renders the status, the percentage and a proportional bar', () => {
    expect(renderProgressBar('in_progress', 42, 10)).toBe('[####------]  42% in_progress');
    expect(renderProgressBar('queued', 0, 4)).toBe('[----]   0% queued');
    expect(renderProgressBar('completed', 100, 4)).toBe('[####] 100% completed');
    expect(renderProgressBar('in_progress', 250, 4)).toBe('[####] 100% in_progress');
    expect(renderProgressBar('in_progress', Number.NaN, 4)).toBe('[----]   0% in_progress');
    expect(renderQueuePosition(2)).toBe('waiting for a slot, position 2');
  });

  it('picks the mode from the stream and the flags', () => {
    const tty = captureIo({}, { tty: true }).io.stderr;
    const pipe = captureIo({}).io.stderr;
    expect(progressMode(tty, { json: false, quiet: false })).toBe('bar');
    expect(progressMode(pipe, { json: false, quiet: false })).toBe('lines');
    expect(progressMode(tty, { json: true, quiet: false })).toBe('off');
    expect(progressMode(tty, { json: false, quiet: true })).toBe('off');
  });

  it('redraws one line on a terminal and ends it before a note', () => {
    const run = captureIo({}, { tty: true });
    const reporter = new ProgressReporter(run.io.stderr, 'bar');
    reporter.queuePosition(2);
    reporter.queuePosition(1);
    reporter.queuePosition(0);
    reporter.progress('in_progress', 10);
    reporter.note('started x');
    reporter.progress('in_progress', 20);
    reporter.done();
    reporter.done();
    expect(run.stderr().split('\r').length).toBe(5);
    expect(run.stderr()).toContain('\rwaiting for a slot, position 1\u001b[K');
    expect(run.stderr()).toContain('10% in_progress\u001b[K\nstarted x\n\r');
    expect(run.stderr().endsWith('20% in_progress\u001b[K\n')).toBe(true);
  });

  it('prints plain lines on status changes and every 25% elsewhere', () => {
    const run = captureIo({});
    const reporter = new ProgressReporter(run.io.stderr, 'lines');
    for (const [status, progress] of [
      ['queued', 0],
      ['queued', 0],
      ['in_progress', 5],
      ['in_progress', 10],
      ['in_progress', 30],
      ['in_progress', 40],
      ['in_progress', 80],
      ['completed', 100],
    ] as const)
      reporter.progress(status, progress);
    reporter.done();
    expect(run.stderr()).not.toContain('\r');
    expect(
      run
        .stderr()
        .trim()
        .split('\n')
        .map((line) => line.replace(/^\[[#-]+\]\s+/, '')),
    ).toEqual(['0% queued', '5% in_progress', '30% in_progress', '80% in_progress', '100% completed']);
  });

  it('writes nothing when off', () => {
    const run = captureIo({}, { tty: true });
    const reporter = new ProgressReporter(run.io.stderr, 'off');
    reporter.queuePosition(1);
    reporter.progress('in_progress', 50);
    reporter.note('started x');
    reporter.done();
    expect(run.stderr()).toBe('');
  });
});
