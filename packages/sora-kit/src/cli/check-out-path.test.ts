import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_NOTICE } from './open-client.js';
import { runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo, tempDir } from './test-support/capture-io.js';

describe('sora-kit generate checks --out before creating the job', () => {
  it.each([
    [
      'a directory',
      async (dir: string) => {
        await mkdir(join(dir, 'videos'));
        return 'videos';
      },
      /--out videos is a directory/,
    ],
    [
      'a missing folder',
      async () => 'nowhere/fox.mp4',
      /--out nowhere\/fox\.mp4: the folder .*nowhere does not exist/,
    ],
    [
      'a file as the folder',
      async (dir: string) => {
        await writeFile(join(dir, 'notes.txt'), 'x');
        return 'notes.txt/fox.mp4';
      },
      /--out notes\.txt\/fox\.mp4: .*notes\.txt is not a folder/,
    ],
    // Root passes access(W_OK) there, yet no file can be made in /sys (sysfs): the check must try.
    [
      'a folder where no file can be made (/sys)',
      async () => '/sys/fox.mp4',
      /--out \/sys\/fox\.mp4: no permission to write in \/sys/,
    ],
  ])('%s: exit 2, a clear message, no job started', async (_what, make, message) => {
    const dir = await tempDir();
    const out = await make(dir);
    const run = captureIo({ SORA_KIT_EMULATOR_SPEED: '4' }, { cwd: dir });
    const code = await runSoraKitCli(['generate', 'a red fox', '--out', out], run.io);
    expect(code).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).not.toContain(EMBEDDED_NOTICE);
  });
});

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/sora-kit.mjs');

/** Runs the built CLI in `cwd`, as the user `uid` when given; resolves with exit code and stderr. */
function runCli(args: string[], cwd: string, uid?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, SORA_KIT_EMULATOR_SPEED: '4' },
      ...(uid === undefined ? {} : { uid, gid: uid }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('sora-kit generate --out in a folder this user may not write', () => {
  it('exit 2, a clear message, no job started (as an unprivileged user: nobody when the tests run as root)', async () => {
    const dir = await tempDir();
    const locked = join(dir, 'locked');
    await mkdir(locked);
    // Root ignores permission bits, so as root the CLI runs as nobody (65534): it may enter the
    // folder (0755, owned by root) but not write in it. Otherwise the folder is made read-only.
    const asRoot = process.getuid?.() === 0;
    await chmod(dir, 0o755);
    await chmod(locked, asRoot ? 0o755 : 0o555);
    try {
      const result = await runCli(
        ['generate', 'a red fox', '--out', 'fox.mp4', '--no-persist'],
        locked,
        asRoot ? 65534 : undefined,
      );
      expect(result.stderr).toMatch(/--out fox\.mp4: no permission to write in .*locked/);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain(EMBEDDED_NOTICE);
      expect(readdirSync(locked)).toEqual([]);
      expect(existsSync(join(locked, 'fox.mp4'))).toBe(false);
    } finally {
      await chmod(locked, 0o755);
    }
  });
});
