// Shared pieces of the benchmarks: medians, interleaved rounds, and writing one marked section
// of docs/benchmarks.md (each benchmark owns the section between its start and end markers).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'benchmarks.md');

/** The median of numbers. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The p-quantile (0..1) of numbers. */
export const quantile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

/** "AMD EPYC, 2 cores, Node v20" for the report. */
export const machine = () =>
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores (shared with other work), Node ${process.version}`;

/** Milliseconds `run` takes, averaged over `times` calls (awaited one after the other). */
export async function timeEach(run, times) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i++) await run(i);
  return Number(process.hrtime.bigint() - start) / 1e6 / times;
}

/**
 * Runs `subject` and `reference` alternately for `rounds` rounds (so load from other processes
 * hits both alike); returns both series and the median of the per-round ratios subject/reference.
 */
export async function interleaved(rounds, subject, reference) {
  const subjects = [];
  const references = [];
  for (let round = 0; round < rounds; round++) {
    references.push(await reference(round));
    subjects.push(await subject(round));
  }
  const ratios = subjects.map((value, i) => value / references[i]);
  return { subjects, references, ratios, ratio: median(ratios) };
}

/** Replaces (or appends) the section `name` of docs/benchmarks.md with `lines`. */
export function writeSection(name, lines) {
  const startMark = `<!-- ${name}:start -->`;
  const endMark = `<!-- ${name}:end -->`;
  const section = [startMark, ...lines, endMark].join('\n');
  let doc = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(startMark);
  const end = doc.indexOf(endMark);
  doc =
    start >= 0 && end > start
      ? doc.slice(0, start) + section + doc.slice(end + endMark.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(docs, doc);
  console.log(`${lines.join('\n')}\n\nwritten to ${docs}`);
}

/** `2.31` style. */
export const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
