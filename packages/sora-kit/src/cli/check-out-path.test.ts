import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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
