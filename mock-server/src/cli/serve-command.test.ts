import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator.js';
import { runCli } from './run-cli.js';
import { SERVE_USAGE } from './serve-options.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  return { out, io };
}

/** Starts `serve` in-process; resolves once listening. */
async function start(argv: string[], env: Record<string, string> = {}) {
  const { out, io } = capture();
  const stop = new AbortController();
  let listening: (value: { url: string; emulator: Emulator }) => void = () => {};
  const ready = new Promise<{ url: string; emulator: Emulator }>((resolve) => {
    listening = resolve;
  });
  const done = runCli(argv, io, { env, signal: stop.signal, onListening: listening });
  const first = await Promise.race([ready, done.then((code) => ({ code }))]);
  if ('code' in first) throw new Error(`serve exited with ${first.code}: ${out.stderr}`);
  return {
    ...first,
    out,
    stop: async () => {
      stop.abort();
      return done;
    },
  };
}

describe('sora-emulator serve', () => {
  it('prints every base URL and an example, serves the dialects and the control API, stops on abort', async () => {
    const { url, out, stop } = await start([
      'serve',
      '--port',
      '0',
      '--clock',
      'manual',
      '--api-key',
      'sk-only',
      '--seed',
      '9',
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const line of [
      `${url}/v1`,
      `${url}/openai/v1`,
      `${url}/openai/v1/video/generations/jobs?api-version=preview`,
      `${url}/_emulator`,
      'curl -s',
      'Bearer sk-only',
    ]) {
      expect(out.stdout).toContain(line);
    }
    const client = new OpenAI({ apiKey: 'sk-only', baseURL: `${url}/v1`, maxRetries: 0 });
    const video = await client.videos.create({ prompt: 'a red balloon over a lake' });
    expect(video.status).toBe('queued');
    await expect(
      new OpenAI({ apiKey: 'sk-other', baseURL: `${url}/v1`, maxRetries: 0 }).videos.retrieve(video.id),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect(await (await fetch(`${url}/_emulator/clock`)).json()).toMatchObject({ mode: 'manual' });
    expect(out.stdout).toMatch(/info: POST \/v1\/videos 200 [\d.]+ ms/);
    expect(await stop()).toBe(0);
    await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow();
  });

  it('reads PORT and HOST from the environment; flags win; passes settings through', async () => {
    const { url, emulator, stop } = await start(
      [
        '--max-concurrent',
        '3',
        '--retention-hours',
        '2',
        '--log-level',
        'warn',
        '--speed',
        '5',
        '--timing',
        'realistic',
        '--deployments',
        'video-prod=sora-2-pro, jobs=sora',
      ],
      {
        PORT: '0',
        HOST: '127.0.0.1',
      },
    );
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.options).toMatchObject({
      quota: 'concurrent:3',
      retentionHours: 2,
      speed: 5,
      logLevel: 'warn',
      timing: 'realistic',
      deploymentMode: 'strict',
      deployments: { 'video-prod': 'sora-2-pro', jobs: 'sora' },
    });
    expect(emulator.control.timing().profile).toBe('realistic');
    expect(emulator.clock.mode).toBe('real');
    expect(await stop()).toBe(0);
  });

  it('labels request lines by the level that shows them: info, and debug (with the request id)', async () => {
    for (const level of ['info', 'debug'] as const) {
      const { url, out, stop } = await start(['--port', '0', '--clock', 'manual', '--log-level', level]);
      await (await fetch(`${url}/v1/videos`, { headers: { authorization: 'Bearer sk-log' } })).text();
      expect(await stop()).toBe(0);
      const line = out.stdout.split('\n').find((l) => l.includes('GET /v1/videos 200')) ?? '';
      expect(line).toMatch(new RegExp(`^\\[sora-emulator\\] ${level}: GET /v1/videos 200 `));
      if (level === 'debug') expect(line).toMatch(/ req_[0-9a-f]{32}$/);
    }
  });

  it('--help lists every flag', async () => {
    const { out, io } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.stdout).toBe(SERVE_USAGE);
    for (const flag of [
      '--port',
      '--host',
      '--clock',
      '--speed',
      '--seed',
      '--api-key',
      '--control-key',
      '--max-concurrent',
      '--quota',
      '--retention-hours',
      '--timing',
      '--deployments',
      '--webhook-url',
      '--webhook-secret',
      '--log-level',
    ]) {
      expect(SERVE_USAGE).toContain(flag);
    }
  });

  it('refuses bad flags with a clear message and exit code 2', async () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['--port', 'abc'], /--port must be an integer/],
      [[], /--port \(\$PORT\) must be an integer/, { PORT: '99999' }],
      [['--clock', 'fast'], /--clock must be real or manual/],
      [['--speed', '0'], /--speed must be a number > 0/],
      [['--max-concurrent', '0'], /--max-concurrent must be an integer/],
      [['--max-concurrent', '2', '--quota', 'none'], /not both/],
      [['--quota', 'sometimes'], /--quota/],
      [['--retention-hours', '-1'], /--retention-hours/],
      [['--webhook-url', 'http://127.0.0.1:9/x'], /give both or neither/],
      [['--webhook-url', 'nope', '--webhook-secret', 'whsec_c2VjcmV0'], /--webhook-url must be an http/],
      [['--webhook-url', 'http://127.0.0.1:9/x', '--webhook-secret', 'whsec_!!'], /--webhook-secret/],
      [['--log-level', 'loud'], /--log-level must be one of/],
      [['--host', '0.0.0.0'], /not a loopback address.*--api-key KEY or --control-key KEY/],
      [['--control-key', ' '], /--control-key must not be empty/],
      [['--start', 'yesterday'], /--start/],
      [['--timing', 'slow'], /--timing must be realistic or fast, got "slow"/],
      [['--deployments', 'prod'], /--deployments must be NAME=MODEL/],
      [['--deployments', 'prod=sora-3'], /"prod" names model "sora-3"; allowed: sora, sora-2, sora-2-pro/],
      [['--deployments', 'a=sora,a=sora-2'], /"a" is given twice/],
      [['--deployments', '__proto__=sora'], /--deployments must be NAME=MODEL/],
      [['--frobnicate'], /^sora-emulator: unknown flag "--frobnicate"\n/],
      [['stray'], /unknown command "stray"/],
    ];
    for (const [argv, message, env] of cases) {
      const { out, io } = capture();
      expect(await runCli(argv, io, { env: env ?? {} }), argv.join(' ')).toBe(2);
      expect(out.stderr).toMatch(message);
    }
  });

  it('answers 1 when the port is taken', async () => {
    const first = await start(['--port', '0', '--log-level', 'silent']);
    const port = new URL(first.url).port;
    const { out, io } = capture();
    expect(await runCli(['--port', port, '--log-level', 'silent'], io, { env: {} })).toBe(1);
    expect(out.stderr).toMatch(/cannot listen/);
    await first.stop();
  });
});

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const node = (args: string[]) => [process.execPath, ['--import', 'tsx', main, ...args]] as const;

describe('the sora-emulator entry point (main.ts, run as a process)', () => {
  it('--help exits 0 and SIGTERM stops a running server with exit code 0', async () => {
    const { stdout } = await promisify(execFile)(...node(['--help']));
    expect(stdout).toContain('--webhook-secret');
    const child = spawn(...node(['--port', '0', '--clock', 'manual']), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    expect((await fetch(`${url}/_emulator/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('sora-emulator --data', () => {
  it('takes the directory from SORA_EMULATOR_DATA, prints where state lives, and refuses --reset alone', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sora-serve-data-'));
    try {
      const first = await start(['--port', '0', '--clock', 'manual'], { SORA_EMULATOR_DATA: dir });
      expect(first.out.stdout).toContain(`State: ${join(dir, 'emulator.db')} (new)`);
      const created = await fetch(`${first.url}/v1/videos`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-a', 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'kept' }),
      });
      expect(created.status).toBe(200);
      expect(await first.stop()).toBe(0);
      const second = await start(['--port', '0', '--data', dir]);
      expect(second.out.stdout).toContain(`State: ${join(dir, 'emulator.db')} (resumed: 1 stored job)`);
      expect(await second.stop()).toBe(0);
      const { out, io } = capture();
      expect(await runCli(['--reset'], io, { env: {} })).toBe(2);
      expect(out.stderr).toContain('--reset needs --data DIR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
