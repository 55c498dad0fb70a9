import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobJson } from './job-view.js';
import { tempDir } from './test-support/capture-io.js';

// Each command runs as its own process (the bin's entry point), as a user runs them one after
// another; only the data directory connects them.
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A user environment with no credentials: only PATH, a home and the emulator speed. */
async function userEnv(extra: Record<string, string> = {}) {
  const home = await tempDir();
  dirs.push(home);
  return { home, env: { PATH: process.env.PATH ?? '', HOME: home, SORA_KIT_EMULATOR_SPEED: '4', ...extra } };
}

function sorakit(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: packageDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('the offline sora-kit command remembers its jobs', { timeout: 120_000 }, () => {
  it('generate, then list, status, download, remix and delete in new processes see the job', async () => {
    const { home, env } = await userEnv();
    const out = join(home, 'fox.mp4');
    const generated = await sorakit(['generate', 'a red fox in the snow', '--json', '-o', out], env);
    expect(generated.stderr).toContain(
      `Emulator state: ${join(home, '.local', 'share', 'sora-kit', 'emulator.db')}`,
    );
    expect(generated.code).toBe(0);
    const { job } = JSON.parse(generated.stdout) as { job: JobJson };
    expect(job.status).toBe('completed');

    const listed = await sorakit(['list', '--json'], env);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { jobs: JobJson[] }).jobs.map((row) => row.handle)).toContain(
      job.handle,
    );

    const status = await sorakit(['status', job.handle, '--json'], env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      handle: job.handle,
      status: 'completed',
      prompt: 'a red fox in the snow',
    });

    const again = join(home, 'again.mp4');
    const downloaded = await sorakit(['download', job.handle, '-o', again, '-q'], env);
    expect(downloaded.code).toBe(0);
    expect(statSync(again).size).toBe(statSync(out).size);

    const remixed = await sorakit(
      ['remix', job.handle, 'the same fox at night', '--json', '-o', join(home, 'night.mp4')],
      env,
    );
    expect(remixed.code).toBe(0);
    const remix = (JSON.parse(remixed.stdout) as { job: JobJson }).job;
    expect(remix.id).not.toBe(job.id);

    const deleted = await sorakit(['delete', job.handle, '-q'], env);
    expect(deleted.code).toBe(0);
    const gone = await sorakit(['status', job.handle, '-q'], env);
    expect(gone.code).not.toBe(0);
    const after = (JSON.parse((await sorakit(['list', '--json'], env)).stdout) as { jobs: JobJson[] }).jobs;
    expect(after.map((row) => row.id)).toEqual([remix.id]);
  });

  it('two commands generating at once share the data directory safely (XDG_DATA_HOME)', async () => {
    const xdg = await tempDir();
    dirs.push(xdg);
    const { home, env } = await userEnv({ XDG_DATA_HOME: xdg });
    const [first, second] = await Promise.all([
      sorakit(['generate', 'first at once', '--json', '-o', join(home, 'a.mp4')], env),
      sorakit(['generate', 'second at once', '--json', '-o', join(home, 'b.mp4')], env),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const handles = [first, second].map((run) => (JSON.parse(run.stdout) as { job: JobJson }).job.handle);
    expect(new Set(handles).size).toBe(2);
    expect(existsSync(join(xdg, 'sora-kit', 'emulator.db'))).toBe(true);
    const listed = (JSON.parse((await sorakit(['list', '--json'], env)).stdout) as { jobs: JobJson[] }).jobs;
    expect(listed.map((row) => row.handle).sort()).toEqual([...handles].sort());
    expect(listed.map((row) => row.prompt).sort()).toEqual(['first at once', 'second at once']);
  });

  it('--no-persist keeps the old in-memory behaviour; --data picks the directory', async () => {
    const { home, env } = await userEnv();
    const status = await sorakit(['status', 'sora-kit:v1:openai-sora2:video_x', '--no-persist'], env);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('status needs a service that keeps its jobs');
    const custom = join(home, 'custom');
    const generated = await sorakit(
      ['generate', 'kept here', '--data', custom, '-q', '-o', join(home, 'c.mp4')],
      env,
    );
    expect(generated.code).toBe(0);
    expect(existsSync(join(custom, 'emulator.db'))).toBe(true);
    expect(existsSync(join(home, '.local', 'share', 'sora-kit'))).toBe(false);
  });
});
