#!/usr/bin/env node
// Sums the "Tests  N passed | M failed (T)" lines that vitest prints per package in a turbo log
// and prints one closing line: "tests: N passed, M failed[, K skipped]".
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2] ?? 0, 'utf8').replace(
  new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'),
  '',
);
const totals = { passed: 0, failed: 0, skipped: 0 };
let runs = 0;
for (const line of text.split('\n')) {
  const match = /^\S*\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!match) continue;
  runs += 1;
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped)/g))
    totals[kind] += Number(count);
}
if (runs === 0) {
  console.log('tests: 0 passed, 0 failed (no vitest summary found)');
  process.exit(1);
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
