/**
 * Flags of `sora-emulator serve`, parsed with `node:util` parseArgs and validated into
 * `createEmulator` options plus where to listen. Bad flags throw {@link ServeUsageError}.
 * @module
 */

import { parseArgs } from 'node:util';
import type { SoraBackendId } from '@sora-kit/core';
import type { ClockMode } from '../clock/clock.js';
import type { EmulatorOptions, LogLevel } from '../emulator-options.js';
import { SERVICE_IDS } from '../engine/faults.js';
import { parseQuotaSpec } from '../engine/quota-policy.js';
import { isTimingProfileName, TIMING_PROFILE_NAMES } from '../engine/timing-profiles.js';
import { decodeWebhookSecret } from '../webhooks/webhook-signer.js';
import { parseArgsMessage } from './parse-args-message.js';

/** Usage text of `sora-emulator serve` (also the default command). */
export const SERVE_USAGE = `Usage: sora-emulator [serve] [options]
       sora-emulator render [options]      (sample media; see "sora-emulator render --help")

Runs the Sora emulator: Azure Sora 1 jobs, Azure Sora 2 and OpenAI Sora 2 videos, and the
/_emulator control API, on one port.

  --port N               port (default: $PORT or 4000; 0 = any free port)
  --host H               interface (default: $HOST or 127.0.0.1)
  --clock real|manual    real: jobs progress in (emulated) real time; manual: time moves only
                         through POST /_emulator/clock/advance (default real)
  --speed X              real-clock speed multiplier, > 0 (default 1; 10 = jobs finish 10x sooner)
  --timing P             realistic | fast: how long jobs take (default: realistic with
                         --clock manual, fast with the real clock; see docs/emulator.md)
  --start TIME           emulated start time, ISO 8601 or ms since the epoch
  --seed S               seed of every id (default "sora-kit"): same seed + requests = same bytes
  --api-key KEY          accept only this key (default: any non-empty key, one partition per key)
  --control-key KEY      key the dashboard (/) and control API (/_emulator) require (default: none
                         on loopback; on any other --host, --control-key or --api-key is required)
  --max-concurrent N     unfinished jobs per key and API family (default 2)
  --quota SPEC           concurrent:N | rate:N/min (also /s, /h, /30s) | none (instead of --max-concurrent)
  --retention-hours N    how long finished jobs stay (default 24)
  --deployments LIST     Azure deployments NAME=MODEL,... (MODEL: sora, sora-2, sora-2-pro); only
                         these names exist (404 otherwise). Default: any name, served by sora
                         (jobs) or sora-2 (videos)
  --webhook-url URL      POST video.completed / video.failed here (OpenAI host jobs)
  --webhook-secret S     Standard Webhooks signing secret, whsec_<base64> (needed with --webhook-url)
  --retired LIST         services that answer every route as shut down, comma-separated:
                         openai-sora2, azure-sora2, azure-sora1 (POST /_emulator/faults changes it)
  --log-level L          silent | error | warn | info | debug (default info: one line per request)
  --data DIR             keep jobs, inputs, clock, ids and faults in DIR/emulator.db (SQLite) so
                         they survive restarts and crashes (default: $SORA_EMULATOR_DATA; unset =
                         in memory only)
  --reset                with --data: start empty (deletes the stored state)
  -h, --help             show this help

Example: npx sora-emulator --clock manual --port 4010 --api-key sk-test
`;

/** A flag that cannot be used; the command prints it and exits with 2. */
export class ServeUsageError extends Error {
  override readonly name = 'ServeUsageError';
}

/** Everything `serve` needs, after validation. */
export interface ServeConfig {
  /** `--help` was given. */
  readonly help: boolean;
  /** Port to listen on. */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Log level (CLI default `info`). */
  readonly logLevel: LogLevel;
  /** Options for `createEmulator`. */
  readonly emulator: EmulatorOptions;
  /** `--data` / `SORA_EMULATOR_DATA`: the data directory, or undefined for in-memory state. */
  readonly dataDir: string | undefined;
  /** `--reset`: start the data directory empty. */
  readonly reset: boolean;
}

const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

function integer(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ServeUsageError(`--${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function positive(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
    throw new ServeUsageError(`--${flag} must be a number > 0, got "${value}"`);
  }
  return parsed;
}

function retiredServices(value: string): SoraBackendId[] {
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !SERVICE_IDS.includes(name));
  if (unknown !== undefined) {
    throw new ServeUsageError(`--retired: "${unknown}" is not a service; use ${SERVICE_IDS.join(', ')}`);
  }
  return [...new Set(names)] as SoraBackendId[];
}

const DEPLOYMENT_MODELS = ['sora', 'sora-2', 'sora-2-pro'];

function deploymentList(value: string): Record<string, string> {
  const pairs = value.split(',').map((pair) => pair.trim());
  const entries: [string, string][] = [];
  for (const pair of pairs) {
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(.+)$/.exec(pair);
    if (!match) {
      throw new ServeUsageError(
        `--deployments must be NAME=MODEL,... (names of letters, digits, '.', '_' or '-'), got "${pair}"`,
      );
    }
    const [, name = '', model = ''] = match;
    if (!DEPLOYMENT_MODELS.includes(model)) {
      throw new ServeUsageError(
        `--deployments: "${name}" names model "${model}"; allowed: ${DEPLOYMENT_MODELS.join(', ')}`,
      );
    }
    if (entries.some(([known]) => known === name)) {
      throw new ServeUsageError(`--deployments: "${name}" is given twice`);
    }
    entries.push([name, model]);
  }
  return Object.fromEntries(entries);
}

function startTime(value: string): number {
  const parsed = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new ServeUsageError(`--start must be an ISO 8601 date-time or ms since the epoch, got "${value}"`);
  }
  return parsed;
}

/**
 * Parses and validates `serve` flags; `env` supplies `PORT` and `HOST` when the flags are absent.
 * @throws ServeUsageError
 * @example
 * const config = parseServeArgs(['--clock', 'manual', '--port', '0'], process.env);
 */
export function parseServeArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ServeConfig {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new ServeUsageError(parseArgsMessage(error));
  }
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual')
    throw new ServeUsageError(`--clock must be real or manual, got "${clock}"`);
  const timing = values.timing;
  if (timing !== undefined && !isTimingProfileName(timing)) {
    throw new ServeUsageError(`--timing must be ${TIMING_PROFILE_NAMES.join(' or ')}, got "${timing}"`);
  }
  const logLevel = (values['log-level'] ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ServeUsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const portText = values.port ?? env.PORT;
  const port =
    portText === undefined || portText === ''
      ? 4000
      : integer(values.port === undefined ? 'port ($PORT)' : 'port', portText, 0, 65535);
  const host = values.host ?? (env.HOST === undefined || env.HOST === '' ? '127.0.0.1' : env.HOST);
  if (values['max-concurrent'] !== undefined && values.quota !== undefined) {
    throw new ServeUsageError('give --max-concurrent or --quota, not both');
  }
  if (values.quota !== undefined) {
    try {
      parseQuotaSpec(values.quota);
    } catch (error) {
      throw new ServeUsageError(`--quota: ${(error as Error).message}`);
    }
  }
  if (values.seed !== undefined && values.seed === '') throw new ServeUsageError('--seed must not be empty');
  if (values['api-key'] !== undefined && values['api-key'].trim() === '')
    throw new ServeUsageError('--api-key must not be empty');
  if (values['control-key'] !== undefined && values['control-key'].trim() === '')
    throw new ServeUsageError('--control-key must not be empty');
  // Beyond loopback the dashboard and the control API (which can reset, fault and move time)
  // need a key: --control-key, else --api-key.
  const controlKey = values['control-key'] ?? (isLoopbackHost(host) ? undefined : values['api-key']);
  if (controlKey === undefined && !isLoopbackHost(host)) {
    throw new ServeUsageError(
      `--host ${host} is not a loopback address: the dashboard and the control API would be open to the network; give --api-key KEY or --control-key KEY`,
    );
  }
  const webhookUrl = values['webhook-url'];
  const webhookSecret = values['webhook-secret'];
  if ((webhookUrl === undefined) !== (webhookSecret === undefined)) {
    throw new ServeUsageError('--webhook-url and --webhook-secret go together: give both or neither');
  }
  if (webhookUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(webhookUrl);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ServeUsageError(`--webhook-url must be an http(s) URL, got "${webhookUrl}"`);
    }
  }
  if (webhookSecret !== undefined) {
    try {
      decodeWebhookSecret(webhookSecret);
    } catch (error) {
      throw new ServeUsageError(`--webhook-secret: ${(error as Error).message}`);
    }
  }
  const retired = values.retired === undefined ? undefined : retiredServices(values.retired);
  const emulator: EmulatorOptions = {
    clock: clock as ClockMode,
    logLevel,
    ...(values.speed === undefined ? {} : { speed: positive('speed', values.speed) }),
    ...(timing === undefined ? {} : { timing }),
    ...(values.start === undefined ? {} : { startMs: startTime(values.start) }),
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    ...(controlKey === undefined ? {} : { controlKey }),
    ...(values['max-concurrent'] === undefined
      ? {}
      : { maxConcurrent: integer('max-concurrent', values['max-concurrent'], 1) }),
    ...(values.quota === undefined ? {} : { quota: values.quota }),
    ...(values.deployments === undefined ? {} : { deployments: deploymentList(values.deployments) }),
    ...(values['retention-hours'] === undefined
      ? {}
      : { retentionHours: positive('retention-hours', values['retention-hours']) }),
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
    ...(retired === undefined ? {} : { retired }),
  };
  const dataText = values.data ?? env.SORA_EMULATOR_DATA;
  if (values.data !== undefined && values.data.trim() === '')
    throw new ServeUsageError('--data must not be empty');
  const dataDir = dataText === undefined || dataText.trim() === '' ? undefined : dataText;
  const reset = values.reset ?? false;
  if (reset && dataDir === undefined) {
    throw new ServeUsageError(
      '--reset needs --data DIR (or SORA_EMULATOR_DATA): without it state is in memory anyway',
    );
  }
  return { help: values.help ?? false, port, host, logLevel, emulator, dataDir, reset };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      clock: { type: 'string' },
      speed: { type: 'string' },
      timing: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      'control-key': { type: 'string' },
      'max-concurrent': { type: 'string' },
      quota: { type: 'string' },
      'retention-hours': { type: 'string' },
      deployments: { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'log-level': { type: 'string' },
      data: { type: 'string' },
      reset: { type: 'boolean' },
      retired: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Whether `host` is a loopback interface (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}
