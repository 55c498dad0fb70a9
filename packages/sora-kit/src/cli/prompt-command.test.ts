import { describe, expect, it } from 'vitest';
import { runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo, tempDir } from './test-support/capture-io.js';

const GOOD =
  'Wide shot of a red fox trotting through snow in a birch forest at dawn, soft golden light, slow dolly left.';

describe('sora-kit prompt lint', () => {
  it.each<[string, string[], string, number]>([
    ['prints ok for a complete prompt', [GOOD], 'ok\n', 0],
    ['prints one warning line per finding', ['a fox'], 'warning: prompt: the shot type', 0],
    [
      'names the script of a non-Latin prompt',
      ['雪の中を走る赤いキツネ'],
      'are in Han, Hiragana, Katakana script',
      0,
    ],
    [
      'exits 1 with --strict when there are warnings',
      ['a fox', '--strict'],
      'warning: prompt: the camera motion',
      1,
    ],
    ['exits 0 with --strict when there is none', [GOOD, '--strict'], 'ok\n', 0],
    ['honours --max-words', [GOOD, '--max-words', '5'], 'warning: prompt: 21 words', 0],
  ])('%s', async (_name, args, expected, code) => {
    const run = captureIo({});
    expect(await runSoraKitCli(['prompt', 'lint', ...args], run.io)).toBe(code);
    expect(run.stdout()).toContain(expected);
  });

  it('prints { warnings } with --json', async () => {
    const run = captureIo({});
    expect(
      await runSoraKitCli(['prompt', 'lint', 'Close-up of a cat. Cut to a dog.', '--json'], run.io),
    ).toBe(0);
    const { warnings } = JSON.parse(run.stdout()) as { warnings: { code: string }[] };
    expect(warnings.map((warning) => warning.code)).toContain('multiple-scenes');
  });

  it.each<[string[], string]>([
    [['prompt'], 'missing lint and the PROMPT'],
    [['prompt', 'fix', 'x'], 'unknown prompt action "fix"; actions: lint'],
    [['prompt', 'lint'], 'missing the PROMPT'],
    [['prompt', 'lint', 'x', '--max-words', 'many'], 'max-words: "many" is not a whole number'],
  ])('refuses %j with a usage error', async (argv, message) => {
    const run = captureIo({});
    expect(await runSoraKitCli(argv, run.io)).toBe(2);
    expect(run.stderr()).toContain(message);
  });
});

describe('sora-kit generate --lint', { timeout: 30_000 }, () => {
  it('prints the advice on stderr, then still makes the video', async () => {
    const dir = await tempDir();
    const run = captureIo({ SORA_KIT_EMULATOR_SPEED: '4' }, { cwd: dir });
    const code = await runSoraKitCli(['generate', 'a fox', '--lint', '--out', 'fox.mp4'], run.io);
    expect(code).toBe(0);
    expect(run.stderr()).toContain(
      'warning: prompt: the lighting (e.g. "soft golden backlight", "neon glow") is not described',
    );
    expect(run.stdout()).toMatch(/^saved .*fox\.mp4/);
  });

  it('puts the advice in the JSON document, and prints none without --lint', async () => {
    const dir = await tempDir();
    const withLint = captureIo({ SORA_KIT_EMULATOR_SPEED: '4' }, { cwd: dir });
    expect(await runSoraKitCli(['generate', 'a fox', '--lint', '--json', '-o', 'a.mp4'], withLint.io)).toBe(
      0,
    );
    const doc = JSON.parse(withLint.stdout()) as { warnings: { code: string; element?: string }[] };
    expect(doc.warnings.map((warning) => warning.element)).toEqual([
      'shot',
      'action',
      'setting',
      'lighting',
      'camera',
    ]);
    const without = captureIo({ SORA_KIT_EMULATOR_SPEED: '4' }, { cwd: dir });
    expect(await runSoraKitCli(['generate', 'a fox', '-o', 'b.mp4'], without.io)).toBe(0);
    expect(without.stderr()).not.toContain('warning:');
  });
});
