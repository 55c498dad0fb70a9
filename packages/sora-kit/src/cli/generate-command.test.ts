import { join } from 'node:path';
import { createEmulator, type Emulator, type EmulatorServer } from '@sora-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_NOTICE } from './open-client.js';
import { runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo, probe, tempDir } from './test-support/capture-io.js';

// The embedded emulator runs on a real clock; at speed 4 a 4 s 720p job completes in about 0.5 s.
const OFFLINE = { SORA_KIT_EMULATOR_SPEED: '4' };

describe('sora-kit generate on the embedded emulator', { timeout: 30_000 }, () => {
  it('writes a real MP4, says it is offline, and prints no carriage return when stderr is not a TTY', async () => {
    const dir = await tempDir();
    const run = captureIo(OFFLINE, { cwd: dir });
    const code = await runSoraKitCli(['generate', 'a red fox in the snow', '--out', 'fox.mp4'], run.io);

    expect(run.stderr()).toContain(EMBEDDED_NOTICE);
    expect(code).toBe(0);
    expect(run.stdout()).toMatch(/^saved .*fox\.mp4 \(\d+ kB\)\n$/);
    expect(run.stderr()).not.toContain('\r');
    expect(run.stderr()).toContain('100% completed');
    expect(run.stderr()).toMatch(/job: sora-kit:v1:openai-sora2:video_\w+/);
    const media = probe(join(dir, 'fox.mp4'));
    expect(media.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({
      width: 720,
      height: 1280,
    });
    expect(media.streams.some((stream) => stream.codec_type === 'audio')).toBe(true);
    expect(media.duration).toBeCloseTo(4, 0);
  });

  it('prints one JSON document with --json, and no progress', async () => {
    const dir = await tempDir();
    const run = captureIo(OFFLINE, { cwd: dir });
    const code = await runSoraKitCli(
      ['generate', 'a paper boat', '--size', '1280x720', '--seconds', '4', '--json', '-o', 'boat.mp4'],
      run.io,
    );

    expect(code).toBe(0);
    const result = JSON.parse(run.stdout()) as {
      job: { handle: string; status: string; size: string; seconds: number; backend: string };
      files: { path: string; bytes: number; contentType: string }[];
      emulator: boolean;
    };
    expect(result.emulator).toBe(true);
    expect(result.job).toMatchObject({
      status: 'completed',
      size: '1280x720',
      seconds: 4,
      backend: 'openai-sora2',
    });
    expect(result.job.handle.startsWith('sora-kit:v1:openai-sora2:video_')).toBe(true);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ path: join(dir, 'boat.mp4'), contentType: 'video/mp4' });
    expect(result.files[0]?.bytes).toBeGreaterThan(10_000);
    expect(run.stderr()).toBe(
      `${EMBEDDED_NOTICE}\nEmulator state: in memory (lost when this command exits).\n`,
    );
  });

  it('draws a bar redrawn with \\r on a TTY', async () => {
    const dir = await tempDir();
    const run = captureIo(OFFLINE, { cwd: dir, tty: true });
    const code = await runSoraKitCli(['generate', 'a lighthouse', '--quiet', '--out', 'a.mp4'], run.io);
    expect(code).toBe(0);
    // --quiet: nothing on stderr, not even the bar.
    expect(run.stderr()).toBe('');

    const loud = captureIo(OFFLINE, { cwd: dir, tty: true });
    expect(await runSoraKitCli(['generate', 'a lighthouse', '--out', 'b.mp4'], loud.io)).toBe(0);
    expect(loud.stderr()).toContain(`\r[${'#'.repeat(30)}] 100% completed\u001b[K\n`);
  });

  it('picks Sora 1 for variants and saves each variant', async () => {
    const dir = await tempDir();
    const run = captureIo(OFFLINE, { cwd: dir });
    const code = await runSoraKitCli(
      [
        'generate',
        'a lighthouse',
        '--variants',
        '2',
        '--size',
        '480x480',
        '--seconds',
        '2',
        '--out',
        'l.mp4',
        '--json',
      ],
      run.io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(run.stdout()) as {
      job: { backend: string; variants: number };
      files: { path: string }[];
    };
    expect(result.job).toMatchObject({ backend: 'azure-sora1', variants: 2 });
    expect(run.stderr()).toContain(
      '--variants 2 is only allowed on azure-sora1: using it; pass --backend to choose',
    );
    expect(result.files.map((file) => file.path)).toEqual([join(dir, 'l.mp4'), join(dir, 'l-2.mp4')]);
    for (const file of result.files) {
      const media = probe(file.path);
      expect(media.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({
        width: 480,
        height: 480,
      });
      expect(media.duration).toBeCloseTo(2, 0);
    }
  });
});

describe('sora-kit generate says why it picked a backend offline', { timeout: 30_000 }, () => {
  it('--size 480x480 --seconds 7: says only azure-sora1 takes them, runs there; silent with --backend', async () => {
    const dir = await tempDir();
    const run = captureIo(OFFLINE, { cwd: dir });
    const code = await runSoraKitCli(
      ['generate', 'a fox', '--seconds', '7', '--size', '480x480', '--out', 'f.mp4', '--json'],
      run.io,
    );
    expect(code).toBe(0);
    expect(run.stderr()).toContain(
      '--size 480x480 and --seconds 7 are only allowed on azure-sora1: using it; pass --backend to choose\n',
    );
    expect(JSON.parse(run.stdout())).toMatchObject({ job: { backend: 'azure-sora1', seconds: 7 } });

    const chosen = captureIo(OFFLINE, { cwd: dir });
    const again = ['generate', 'a fox', '--seconds', '7', '--size', '480x480', '--out', 'g.mp4'];
    expect(await runSoraKitCli([...again, '--backend', 'azure-sora1'], chosen.io)).toBe(0);
    expect(chosen.stderr()).not.toContain('only allowed');
    const plain = captureIo(OFFLINE, { cwd: dir });
    expect(await runSoraKitCli(['generate', 'a fox', '--out', 'h.mp4'], plain.io)).toBe(0);
    expect(plain.stderr()).not.toContain('only allowed');
  });
});

describe('sora-kit generate with credentials: a request the configured backend refuses', () => {
  let emulator: Emulator;
  let server: EmulatorServer;
  beforeAll(async () => {
    emulator = createEmulator({ clock: 'manual', seed: 'cli-hint', logLevel: 'silent' });
    server = await emulator.listen(0, '127.0.0.1');
  });
  afterAll(() => server.close());

  it('names the backend that would accept it and the variables to set; nothing is sent', async () => {
    const env = { OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'sk-cli-hint' };
    const run = captureIo(env);
    const code = await runSoraKitCli(['generate', 'a fox', '--seconds', '7'], run.io);
    expect(code).toBe(2);
    expect(run.stderr()).toContain('seconds: 7 is not allowed on openai-sora2');
    expect(run.stderr()).toContain(
      'azure-sora1 accepts it: set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY (or "az login") and AZURE_OPENAI_DEPLOYMENT (a Sora 1 deployment, default "sora"), then pass --backend azure-sora1',
    );
    expect(emulator.control.jobs()).toHaveLength(0);

    const json = captureIo(env);
    expect(await runSoraKitCli(['generate', 'a fox', '--variants', '2', '--json'], json.io)).toBe(2);
    const { error } = JSON.parse(json.stdout()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ type: 'UnsupportedCapabilityError', capability: 'variants' });
    expect(error.hint).toMatch(/^azure-sora1 accepts it: set AZURE_OPENAI_ENDPOINT/);
  });

  it('a backend already configured is named with --backend only', async () => {
    const env = {
      OPENAI_BASE_URL: `${server.url}/v1`,
      OPENAI_API_KEY: 'sk-cli-hint',
      AZURE_OPENAI_ENDPOINT: server.url,
      AZURE_OPENAI_API_KEY: 'azure-cli-hint',
      SORA_KIT_BACKEND: 'openai-sora2',
    };
    const run = captureIo(env);
    expect(await runSoraKitCli(['generate', 'a fox', '--seconds', '7'], run.io)).toBe(2);
    expect(run.stderr()).toContain(
      'azure-sora1 accepts it: set AZURE_OPENAI_DEPLOYMENT (a Sora 1 deployment, default "sora"), then pass --backend azure-sora1',
    );
    const none = captureIo(env);
    expect(await runSoraKitCli(['generate', 'a fox', '--size', '100x100'], none.io)).toBe(2);
    expect(none.stderr()).not.toContain('accepts it');
    expect(emulator.control.jobs()).toHaveLength(0);
  });
});

describe('sora-kit generate errors', { timeout: 30_000 }, () => {
  it('exits 2 naming the field and the allowed values', async () => {
    const run = captureIo(OFFLINE);
    const code = await runSoraKitCli(
      ['generate', 'a fox', '--backend', 'openai-sora2', '--seconds', '7'],
      run.io,
    );
    expect(code).toBe(2);
    expect(run.stderr()).toContain('sora-kit: seconds: 7 is not allowed on openai-sora2');
    expect(run.stderr()).toContain('allowed: 4, 8, 12');
    expect(run.stdout()).toBe('');
  });

  it('prints the error as JSON with --json', async () => {
    const run = captureIo(OFFLINE);
    const code = await runSoraKitCli(
      ['generate', 'a fox', '--json', '--backend', 'openai-sora2', '--size', '640x480'],
      run.io,
    );
    expect(code).toBe(2);
    const { error } = JSON.parse(run.stdout()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      type: 'ValidationError',
      field: 'size',
      value: '640x480',
      backend: 'openai-sora2',
    });
    expect(error.allowed).toEqual(['720x1280', '1280x720']);
  });

  it('refuses what no embedded backend accepts with the default backend rules', async () => {
    const run = captureIo(OFFLINE);
    expect(await runSoraKitCli(['generate', 'a fox', '--size', '100x100'], run.io)).toBe(2);
    expect(run.stderr()).toContain('size: 100x100 is not allowed on openai-sora2');
  });

  it('checks flags before starting anything', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['generate', 'x', '--backend', 'sora-3'],
        /backend: "sora-3" is not a sora-kit backend; allowed: azure-sora1, azure-sora2, openai-sora2/,
      ],
      [['generate', 'x', '--seconds', 'four'], /seconds: "four" is not a whole number/],
      [['generate', 'x', '--image', 'missing.png'], /image: cannot read "missing.png"/],
      [['generate', 'x', '--timeout=-1'], /timeout: "-1" is not a number of seconds > 0/],
      [['generate'], /missing the PROMPT[\s\S]*sora-kit generate --help/],
      [['generate', 'a', 'red', 'fox'], /unexpected argument "red"/],
      [['generate', 'x', '--colour', 'red'], /unknown flag "--colour"/],
    ];
    for (const [argv, message] of cases) {
      const run = captureIo({ ...OFFLINE, SORA_KIT_EMULATOR_SPEED: 'fast' });
      expect(await runSoraKitCli(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.stderr()).toMatch(message);
      expect(run.stderr()).not.toContain(EMBEDDED_NOTICE);
    }
  });

  it('exits 3 on --timeout, naming the job handle in the JSON error', async () => {
    const slow = captureIo({ SORA_KIT_EMULATOR_SPEED: '0.01' });
    expect(await runSoraKitCli(['generate', 'a fox', '--timeout', '0.2'], slow.io)).toBe(3);
    expect(slow.stderr()).toMatch(/sora-kit: job video_\w+ did not finish within --timeout 0\.2 s\n/);
    expect(slow.stderr()).toContain('The job was on the embedded emulator, which stops with this command.');

    const json = captureIo({ SORA_KIT_EMULATOR_SPEED: '0.01' });
    expect(await runSoraKitCli(['generate', 'a fox', '--timeout', '0.2', '--json'], json.io)).toBe(3);
    const { error } = JSON.parse(json.stdout()) as {
      error: { type: string; handle: string; timeoutMs: number };
    };
    expect(error).toMatchObject({ type: 'TimeoutError', timeoutMs: 200 });
    expect(error.handle).toMatch(/^sora-kit:v1:openai-sora2:video_/);
  });

  it('exits 130 when interrupted', async () => {
    const interrupt = new AbortController();
    const run = captureIo(
      { SORA_KIT_EMULATOR_SPEED: '0.01' },
      { signal: interrupt.signal, onStderr: (text) => text.startsWith('started') && interrupt.abort() },
    );
    expect(await runSoraKitCli(['generate', 'a fox'], run.io)).toBe(130);
    expect(run.stderr()).toMatch(/\nsora-kit: .+\nThe job was on the embedded emulator/);
    expect(run.stdout()).toBe('');
  });
});
