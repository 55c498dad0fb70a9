/**
 * `sora-kit contract`: parses flags, builds targets, runs, prints the table, returns the exit code.
 * @module
 */
import { parseArgs } from 'node:util';
import { ContractConfigError } from './contract-failure.js';
import { formatContractTable } from './format-contract-table.js';
import { httpTarget } from './http-target.js';
import { inProcessTarget } from './in-process-target.js';
import { type ContractEnv, liveTargetsFromEnv } from './live-targets-from-env.js';
import { runContract } from './run-contract.js';
import { contractScenarios } from './scenarios/index.js';
import type { Target } from './target.js';

/** Where the command writes and what environment it reads. */
export interface ContractCommandIo {
  /** Standard output (the table, or JSON with `--json`). */
  readonly stdout?: { write(text: string): unknown };
  /** Standard error (usage errors, progress). */
  readonly stderr?: { write(text: string): unknown };
  /** Environment (default `process.env`). */
  readonly env?: ContractEnv;
}

/** Usage text of `sora-kit contract`. */
export const CONTRACT_USAGE = `Usage: sora-kit contract [--target inprocess|http://HOST:PORT|live]... [options]

Runs the contract scenarios and prints a scenario x target table. Exit 0: no failure; 1: a failure; 2: bad usage.

Options:
  --target T       inprocess (default), an emulator URL (http://...), or live (real services from the
                   environment; needs SORA_KIT_CONTRACT_LIVE=1). Repeatable.
  --scenario NAME  only this scenario (exact name, prefix such as invalid-field, or a * glob). Repeatable.
  --max-jobs N     cost guard for live targets: at most N jobs per target (default 2, or SORA_KIT_CONTRACT_MAX_JOBS).
  --api-key KEY    the key of an emulator started with --api-key (http targets).
  --json           print the report as JSON instead of the table.
  --list           list the scenarios and exit.
  -h, --help       this text.
`;

/**
 * Runs `sora-kit contract ARGS`. Returns the exit code: 0 when nothing failed, 1 on any failed
 * scenario, 2 on bad usage.
 * @example
 * process.exitCode = await runContractCommand(['--target', 'inprocess', '--scenario', 'quota']);
 */
export async function runContractCommand(
  argv: readonly string[],
  io: ContractCommandIo = {},
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    stderr.write(`sora-kit contract: ${(error as Error).message}\n\n${CONTRACT_USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(CONTRACT_USAGE);
    return 0;
  }
  if (values.list) {
    for (const scenario of contractScenarios) {
      const tags = [scenario.dialects.join(','), scenario.emulatorOnly ? 'emulator-only' : '']
        .filter(Boolean)
        .join('; ');
      stdout.write(`${scenario.name.padEnd(32)} ${scenario.description} (${tags})\n`);
    }
    return 0;
  }
  let maxJobs: number | undefined;
  if (values['max-jobs'] !== undefined) {
    if (!/^\d+$/.test(values['max-jobs'])) {
      stderr.write(`sora-kit contract: --max-jobs must be an integer >= 0, got '${values['max-jobs']}'\n`);
      return 2;
    }
    maxJobs = Number(values['max-jobs']);
  }
  const filter = values.scenario;
  if (filter !== undefined) {
    const unknown = filter.filter(
      (pattern) =>
        !contractScenarios.some(
          (s) => s.name === pattern || s.name.startsWith(`${pattern}-`) || pattern.includes('*'),
        ),
    );
    if (unknown.length > 0) {
      stderr.write(
        `sora-kit contract: unknown scenario ${unknown.map((name) => `'${name}'`).join(', ')} (see --list)\n`,
      );
      return 2;
    }
  }
  let targets: Target[];
  try {
    targets = buildTargets(values.target ?? ['inprocess'], env, maxJobs, values['api-key']);
  } catch (error) {
    stderr.write(`sora-kit contract: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const report = await runContract({ targets, ...(filter === undefined ? {} : { filter }) });
    stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatContractTable(report));
    return report.ok ? 0 : 1;
  } finally {
    await Promise.all(targets.map((target) => target.close?.()));
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      target: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      'max-jobs': { type: 'string' },
      'api-key': { type: 'string' },
      json: { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function buildTargets(
  specs: readonly string[],
  env: ContractEnv,
  maxJobs: number | undefined,
  apiKey: string | undefined,
): Target[] {
  const targets: Target[] = [];
  for (const spec of specs) {
    if (spec === 'inprocess') targets.push(inProcessTarget());
    else if (spec === 'live')
      targets.push(...liveTargetsFromEnv(env, maxJobs === undefined ? {} : { maxJobs }));
    else if (/^https?:\/\//.test(spec))
      targets.push(httpTarget(spec, apiKey === undefined ? {} : { apiKey }));
    else throw new ContractConfigError(`unknown --target '${spec}': use inprocess, http://HOST:PORT or live`);
  }
  return targets;
}
