import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVideo } from '../media/render-video.js';
import { RENDER_USAGE, runRenderCommand } from './render-command.js';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-render-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  return { out, io };
}

describe('runRenderCommand', () => {
  it('writes the same MP4 as renderVideo, plus a thumbnail and a spritesheet', async () => {
    const { out, io } = capture();
    const mp4 = join(dir, 'sample.mp4');
    const webp = join(dir, 'thumb.webp');
    const jpg = join(dir, 'sheet.jpg');
    const args = ['--width', '854', '--height', '480', '--seconds', '2', '--audio', '--seed', 's1'];
    const code = await runRenderCommand(
      [...args, '--caption', 'a boat', '--out', mp4, '--thumbnail', webp, '--spritesheet', jpg],
      io,
    );
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    const written = await readFile(mp4);
    const expected = await renderVideo({
      width: 854,
      height: 480,
      seconds: 2,
      audio: true,
      seed: 's1',
      caption: 'a boat',
    });
    expect(written.equals(Buffer.from(expected))).toBe(true);
    expect(out.stdout).toContain(`wrote ${mp4}: ${expected.length} bytes`);
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name',
      '-of',
      'csv=p=0',
      mp4,
    ]);
    expect(stdout.trim().split('\n')).toEqual(['h264', 'aac']);
    const thumb = await readFile(webp);
    expect(thumb.subarray(8, 12).toString('ascii')).toBe('WEBP');
    const sheet = await readFile(jpg);
    expect([sheet[0], sheet[1]]).toEqual([0xff, 0xd8]);
  });

  it('prints usage with --help', async () => {
    const { out, io } = capture();
    expect(await runRenderCommand(['--help'], io)).toBe(0);
    expect(out.stdout).toBe(RENDER_USAGE);
  });

  it.each([
    [['--bogus'], /^sora-emulator render: unknown flag "--bogus"\n/],
    [['--width', '1920'], /nothing to write/],
    [['--width', 'wide', '--out', 'x.mp4'], /--width must be a number/],
    [['--width', '853', '--out', 'x.mp4'], /width must be even/],
    [['--thumbnail', 'x.gif'], /image format/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { out, io } = capture();
    expect(
      await runRenderCommand(
        argv.map((a) => (a.includes('.') ? join(dir, a) : a)),
        io,
      ),
    ).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toContain('--help');
  });
});
