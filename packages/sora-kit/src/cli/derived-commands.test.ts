import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, type Emulator, type EmulatorServer } from '@sora-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVideoClient } from '../create-video-client.js';
import { runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo, probe, tempDir } from './test-support/capture-io.js';

// A standalone emulator with a manual clock, reached through the variables a user sets.
let emulator: Emulator;
let server: EmulatorServer;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = createEmulator({
    clock: 'manual',
    startMs: Date.now(),
    seed: 'cli-derived',
    logLevel: 'silent',
    quota: 'none',
  });
  server = await emulator.listen(0, '127.0.0.1');
  env = { OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'sk-cli-derived' };
});
afterAll(() => server.close());

async function cli(argv: string[], cwd?: string) {
  const run = captureIo(env, cwd === undefined ? {} : { cwd });
  const code = await runSoraKitCli(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

function client() {
  return createVideoClient({
    backend: 'openai-sora2',
    apiKey: env.OPENAI_API_KEY ?? '',
    baseURL: env.OPENAI_BASE_URL,
  });
}

async function completedJob(prompt: string): Promise<string> {
  const c = client();
  const job = await c.create({ prompt, size: '1280x720', seconds: 4 });
  // Realistic manual-clock timing: a 1280x720 4 s sora-2 video settles after about 67 s.
  emulator.clock.advance(120_000);
  const settled = await c.get(job);
  if (settled.status !== 'completed') throw new Error(`source video is ${settled.status} after 120 s`);
  return c.toHandle(settled);
}

describe('sora-kit edit, extend and character', { timeout: 60_000 }, () => {
  it('edit --json prints the new job; extend --seconds makes the stitched total; both refuse bad input', async () => {
    const handle = await completedJob('a red balloon');
    const edit = await cli(['edit', handle, 'make it snow', '--json']);
    expect(edit.code).toBe(0);
    const edited = JSON.parse(edit.stdout);
    expect(edited.job).toMatchObject({
      status: 'queued',
      prompt: 'make it snow',
      size: '1280x720',
      seconds: 4,
    });

    const extend = await cli(['extend', handle, 'it rises', '--seconds', '8', '--json']);
    expect(extend.code).toBe(0);
    expect(JSON.parse(extend.stdout).job.seconds).toBe(12);

    const bad = await cli(['extend', handle, 'it rises', '--seconds', '7']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'seconds: 7 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12, 16, 20',
    );
    expect((await cli(['extend', handle, 'no length'])).stderr).toContain('extend needs --seconds N');
  });

  it('edit --out waits and saves the edited video at the source size', async () => {
    const handle = await completedJob('a lighthouse');
    const dir = await tempDir();
    const run = cli(['edit', handle, 'at dusk', '--out', join(dir, 'dusk.mp4'), '--quiet']);
    // The command polls; move the emulated clock until it settles.
    const timer = setInterval(() => emulator.clock.advance(30_000), 20);
    const result = await run.finally(() => clearInterval(timer));
    expect(result.code).toBe(0);
    const info = probe(join(dir, 'dusk.mp4'));
    expect(info.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({
      width: 1280,
      height: 720,
    });
    expect(info.duration).toBeCloseTo(4, 1);
  });

  it('character create NAME CLIP.mp4 and character get ID', async () => {
    const c = client();
    const download = await c.download(await completedJob('a mossy troll'));
    const dir = await tempDir();
    writeFileSync(join(dir, 'mossy.mp4'), new Uint8Array(await new Response(download.stream).arrayBuffer()));
    const created = await cli(['character', 'create', 'Mossy', 'mossy.mp4', '--json'], dir);
    expect(created.code).toBe(0);
    const character = JSON.parse(created.stdout);
    expect(character).toMatchObject({ name: 'Mossy', backend: 'openai-sora2' });
    expect(character.id).toMatch(/^char_/);
    const got = await cli(['character', 'get', character.id]);
    expect(got.code).toBe(0);
    expect(got.stdout).toContain(`${character.id}  Mossy  created`);
    expect((await cli(['character', 'rename', 'x'])).code).toBe(2);
  });

  it('prints one line saying the service is retired and which backends remain', async () => {
    const handle = await completedJob('a red balloon');
    emulator.control.faults.retireService('openai-sora2');
    try {
      const result = await cli(['edit', handle, 'make it snow']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'sora-kit: openai-sora2 is retired: The Sora 2 models and Videos API were shut down on September 24, 2026 and are no longer available. Remaining backends: azure-sora1, azure-sora2 (--backend ID).\n',
      );
    } finally {
      emulator.control.faults.restoreService('openai-sora2');
    }
  });
});

describe('sora-kit edit, extend and remix check --out before the job is created', () => {
  it.each([
    ['edit', ['make it snow']],
    ['extend', ['the balloon drifts away', '--seconds', '4']],
    ['remix', ['make it blue']],
  ])('%s --out in a missing folder: exit 2, no new job', async (command, rest) => {
    const handle = await completedJob(`a source for ${command}`);
    const before = emulator.control.jobs().length;
    const dir = await tempDir();
    const result = await cli([command, handle, ...rest, '--out', 'nowhere/x.mp4'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out nowhere\/x\.mp4: the folder .*nowhere does not exist/);
    expect(emulator.control.jobs()).toHaveLength(before);
  });
});
