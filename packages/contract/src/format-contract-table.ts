/**
 * The report as a plain-text scenario x target table, followed by failures and skip reasons.
 * @module
 */
import type { ContractReport } from './run-contract.js';
import type { ContractResult } from './run-scenario.js';

function cell(result: ContractResult | undefined): string {
  if (result === undefined || result.notServed) return '-';
  if (result.status === 'passed') return `pass ${Math.round(result.durationMs)}ms`;
  if (result.status === 'failed') return 'FAIL';
  return 'skip';
}

/**
 * Formats a report: one row per scenario and dialect, one column per target; then every failure
 * with its reason, the skip reasons, and a summary line.
 * @example
 * process.stdout.write(formatContractTable(await runContract({ targets: [inProcessTarget()] })));
 */
export function formatContractTable(report: ContractReport): string {
  const targets = report.targets.map((target) => target.name);
  const rows = new Map<string, Map<string, ContractResult>>();
  for (const result of report.results) {
    const key = `${result.scenario} [${result.dialect}]`;
    const row = rows.get(key) ?? new Map<string, ContractResult>();
    row.set(result.target, result);
    rows.set(key, row);
  }
  const header = ['scenario [dialect]', ...targets];
  const body = [...rows].map(([key, row]) => [key, ...targets.map((target) => cell(row.get(target)))]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((line) => line[column]?.length ?? 0)),
  );
  const format = (line: readonly string[]) =>
    line
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(format)];
  const failures = report.results.filter((result) => result.status === 'failed');
  if (failures.length > 0) {
    lines.push('', 'Failures:');
    for (const result of failures)
      lines.push(`  ${result.scenario} [${result.dialect}] @ ${result.target}: ${result.reason ?? ''}`);
  }
  const reasons = new Map<string, number>();
  for (const result of report.results) {
    if (result.status !== 'skipped' || result.notServed) continue;
    const key = `${result.target}: ${result.reason ?? ''}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  if (reasons.size > 0) {
    lines.push('', 'Skipped:');
    for (const [reason, count] of reasons) lines.push(`  ${reason} (${count})`);
  }
  lines.push('', `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  return `${lines.join('\n')}\n`;
}
