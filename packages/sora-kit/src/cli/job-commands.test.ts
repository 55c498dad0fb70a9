import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, type Emulator, type EmulatorServer } from '@sora-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVideoClient } from '../create-video-client.js';
import type { JobJson } from './job-view.js';
import { EMBEDDED_NOTICE } from './open-client.js';
import { runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo, probe, tempDir } from './test-support/capture-io.js';

// A standalone emulator (manual clock: jobs finish when the test advances it), reached through
// the same environment variables a user sets.
let emulator: Emulator;
let server: EmulatorServer;
let openaiEnv: Record<string, string>;
let azureEnv: Record<string, string>;
/** Past completion of every job here under the manual clock's default (realistic) timing. */
const UNTIL_SETTLED_MS = 120_000;

beforeAll(async () => {
  // Emulated time starts now: the command's client compares handle expiries with the real clock.
  emulator = createEmulator({
    clock: 'manual',
    startMs: Date.now(),
    seed: 'cli-commands',
    logLevel: 'silent',
  });
  server = await emulator.listen(0, '127.0.0.1');
  openaiEnv = { OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'sk-cli-commands' };
  azureEnv = { AZURE_OPENAI_ENDPOINT: server.url, AZURE_OPENAI_API_KEY: 'azure-cli-commands' };
});
afterAll(() => server.close());

async function cli(argv: string[], env: Record<string, string>, cwd?: string) {
  const run = captureIo(env, cwd === undefined ? {} : { cwd });
  const code = await runSoraKitCli(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** A completed OpenAI Sora 2 job made outside the command, named by its handle (with its expiry). */
async function completedOpenAIJob(prompt: string): Promise<string> {
  const client = createVideoClient({
    backend: 'openai-sora2',
    apiKey: openaiEnv.OPENAI_API_KEY ?? '',
    baseURL: openaiEnv.OPENAI_BASE_URL,
  });
  const job = await client.create({ prompt, size: '1280x720', seconds: 4 });
  emulator.clock.advance(UNTIL_SETTLED_MS);
  return client.toHandle(await client.get(job));
}

describe('sora-kit status, wait, list, download, remix, delete', { timeout: 30_000 }, () => {
  it('shows a job by handle, as lines and as JSON', async () => {
    const handle = await completedOpenAIJob('a red balloon over a lake');
    const lines = await cli(['status', handle], openaiEnv);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toContain(`handle:    ${handle}`);
    expect(lines.stdout).toContain('status:    completed 100%');
    expect(lines.stdout).toContain('size:      1280x720, 4 s, 1 variant');
    expect(lines.stderr).toBe('');

    const json = await cli(['status', handle, '--json'], openaiEnv);
    const job = JSON.parse(json.stdout) as JobJson;
    expect(job).toMatchObject({
      handle,
      backend: 'openai-sora2',
      status: 'completed',
      size: '1280x720',
      seconds: 4,
    });
  });

  it('lists jobs of the configured backend with their handles', async () => {
    const handle = await completedOpenAIJob('a listed boat');
    const lines = await cli(['list'], openaiEnv);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toMatch(
      new RegExp(`^${handle.replace('?', '\\?')}  completed  1280x720  4s  \\d{4}-`, 'm'),
    );

    const json = await cli(['--json', 'list', '--limit', '1'], openaiEnv);
    const { jobs } = JSON.parse(json.stdout) as { jobs: JobJson[] };
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.handle).toBe(handle);
  });

  it('waits for a finished job and downloads its video and thumbnail', async () => {
    const handle = await completedOpenAIJob('a downloaded fox');
    const dir = await tempDir();
    const waited = await cli(['wait', handle, '--out', 'fox.mp4'], openaiEnv, dir);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(/saved .*fox\.mp4 \(\d+ kB\)/);
    expect(probe(join(dir, 'fox.mp4')).duration).toBeCloseTo(4, 0);

    const video = await cli(['download', handle], openaiEnv, dir);
    expect(video.code).toBe(0);
    const id = handle.split(':')[3]?.split('?')[0] ?? '';
    const media = probe(join(dir, `${id}.mp4`));
    expect(media.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({
      width: 1280,
      height: 720,
    });

    const thumbnail = await cli(['download', handle, '--variant', 'thumbnail', '--json'], openaiEnv, dir);
    const { file } = JSON.parse(thumbnail.stdout) as {
      file: { path: string; bytes: number; contentType: string };
    };
    expect(file).toMatchObject({ path: join(dir, `${id}.webp`), contentType: 'image/webp' });
    expect(statSync(file.path).size).toBe(file.bytes);

    const bad = await cli(['download', handle, '--variant', 'poster'], openaiEnv, dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'variant: "poster" is not a download variant; allowed: video, thumbnail, spritesheet',
    );
  });

  it('remixes a video, then waits for the remix and saves it', async () => {
    const handle = await completedOpenAIJob('a paper boat on a river');
    const remix = await cli(['remix', handle, 'the same boat at night', '--json'], openaiEnv);
    expect(remix.code).toBe(0);
    const job = JSON.parse(remix.stdout).job as JobJson;
    expect(job.remixedFromId).toBe(handle.split(':')[3]?.split('?')[0]);
    expect(job.status).toBe('queued');

    emulator.clock.advance(UNTIL_SETTLED_MS);
    const dir = await tempDir();
    const waited = await cli(['wait', job.handle, '--out', 'night.mp4', '--json'], openaiEnv, dir);
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout).job.status).toBe('completed');
    expect(probe(join(dir, 'night.mp4')).duration).toBeCloseTo(4, 0);
  });

  it('deletes a job; a later status is a not-found API error (exit 1)', async () => {
    const handle = await completedOpenAIJob('a short-lived kite');
    const deleted = await cli(['delete', handle], openaiEnv);
    expect(deleted).toMatchObject({ code: 0, stdout: `deleted ${handle}\n` });

    const gone = await cli(['status', handle], openaiEnv);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^sora-kit: HTTP 404/);
    const json = await cli(['status', handle, '--json'], openaiEnv);
    expect(JSON.parse(json.stdout).error).toMatchObject({ type: 'NotFoundError', status: 404 });
  });

  it('exits 1 when the job fails, with the code the service gave', async () => {
    emulator.control.failJobs({
      progress: 50,
      code: 'internal_error',
      match: { promptIncludes: 'doomed' },
      times: 1,
    });
    const client = createVideoClient({
      backend: 'openai-sora2',
      apiKey: openaiEnv.OPENAI_API_KEY ?? '',
      baseURL: openaiEnv.OPENAI_BASE_URL,
    });
    const job = await client.create({ prompt: 'a doomed balloon', seconds: 4 });
    emulator.clock.advance(UNTIL_SETTLED_MS);
    const handle = client.toHandle(job);

    const text = await cli(['wait', handle], openaiEnv);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(
      new RegExp(`^sora-kit: job ${job.id} failed \\(internal_error\\): .+\\n$`, 'm'),
    );
    const json = await cli(['wait', handle, '--json'], openaiEnv);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      type: 'JobFailedError',
      jobId: job.id,
      code: 'internal_error',
      moderation: false,
      handle,
    });
  });

  it('routes each handle to its own backend (Azure Sora 1 and Sora 2 from one environment)', async () => {
    const sora1 = createVideoClient({
      backend: 'azure-sora1',
      endpoint: server.url,
      deployment: 'sora',
      apiKey: azureEnv.AZURE_OPENAI_API_KEY ?? '',
    });
    const sora2 = createVideoClient({
      backend: 'azure-sora2',
      endpoint: server.url,
      deployment: 'sora-2',
      apiKey: azureEnv.AZURE_OPENAI_API_KEY ?? '',
    });
    const first = await sora1.create({ prompt: 'a lighthouse', size: '480x480', seconds: 2, variants: 2 });
    const second = await sora2.create({ prompt: 'a street band', size: '1280x720', seconds: 4 });
    emulator.clock.advance(UNTIL_SETTLED_MS);

    const one = await cli(['status', sora1.toHandle(first), '--json'], azureEnv);
    expect(JSON.parse(one.stdout)).toMatchObject({
      backend: 'azure-sora1',
      variants: 2,
      status: 'completed',
    });
    const two = await cli(['status', sora2.toHandle(second), '--json'], azureEnv);
    expect(JSON.parse(two.stdout)).toMatchObject({ backend: 'azure-sora2', status: 'completed' });

    const dir = await tempDir();
    const saved = await cli(['wait', sora1.toHandle(first), '--out', 'l.mp4', '--quiet'], azureEnv, dir);
    expect(saved.code).toBe(0);
    expect(probe(join(dir, 'l-2.mp4')).streams[0]).toMatchObject({ width: 480, height: 480 });

    const refused = await cli(['remix', sora1.toHandle(first), 'at night'], azureEnv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('remix is not supported on azure-sora1');
  });

  it('refuses job commands without credentials, pointing to "sora-kit emulator"', async () => {
    for (const argv of [['status', 'video_1'], ['list'], ['download', 'video_1'], ['delete', 'video_1']]) {
      const result = await cli(argv, {});
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(`${argv[0]} needs a service that keeps its jobs`);
      expect(result.stderr).toContain(
        'export OPENAI_BASE_URL=http://127.0.0.1:4000/v1 OPENAI_API_KEY=sk-test',
      );
      expect(result.stderr).not.toContain(EMBEDDED_NOTICE);
    }
    const malformed = await cli(['status', 'sora-kit:v1:sora-3:video_1'], openaiEnv);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('unknown backend in job handle');
  });
});
