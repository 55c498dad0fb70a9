import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo } from './test-support/capture-io.js';

describe('sora-kit command line', { timeout: 30_000 }, () => {
  it('prints --help for every subcommand, with its flags', async () => {
    const expected: Record<string, string[]> = {
      generate: [
        '--size',
        '--seconds',
        '--variants',
        '--image',
        '--out',
        '--timeout',
        '--lint',
        '--backend',
        '--json',
        '--quiet',
      ],
      status: ['ID', '--json'],
      wait: ['--out', '--timeout'],
      list: ['--limit'],
      download: ['--variant', '--output-id', '--out'],
      remix: ['--wait', '--out'],
      edit: ['--wait', '--out', '--timeout'],
      extend: ['--seconds', '--wait', '--out'],
      character: ['create', 'get', 'CLIP.mp4'],
      delete: ['ID'],
      prompt: ['lint', '--max-words', '--strict'],
      emulator: ['--port', '--clock', '--speed', 'OPENAI_BASE_URL=http://127.0.0.1:4000/v1'],
      contract: ['--target', '--scenario'],
    };
    expect(COMMANDS.map((command) => command.name)).toEqual(Object.keys(expected));
    for (const [name, flags] of Object.entries(expected)) {
      for (const argv of [
        [name, '--help'],
        ['help', name],
      ]) {
        const run = captureIo({});
        expect(await runSoraKitCli(argv, run.io), argv.join(' ')).toBe(0);
        expect(run.stdout()).toContain(`sora-kit ${name}`);
        if (argv[0] !== 'help')
          for (const flag of flags) expect(run.stdout(), `${name} ${flag}`).toContain(flag);
        expect(run.stderr()).toBe('');
      }
    }
  });

  it('prints the command list for --help, and usage with exit 2 when there is no command', async () => {
    const help = captureIo({});
    expect(await runSoraKitCli(['--help'], help.io)).toBe(0);
    for (const command of COMMANDS) expect(help.stdout()).toContain(`  ${command.name} `);
    expect(help.stdout()).toContain(
      'Exit codes: 0 ok, 1 job failed or API error, 2 usage or validation error, 3 timeout, 130 interrupted.',
    );

    const none = captureIo({});
    expect(await runSoraKitCli([], none.io)).toBe(2);
    expect(none.stderr()).toContain('Usage: sora-kit COMMAND');

    const version = captureIo({});
    expect(await runSoraKitCli(['--version'], version.io)).toBe(0);
    expect(version.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('names unknown commands, as text and as JSON', async () => {
    const text = captureIo({});
    expect(await runSoraKitCli(['generat', 'a fox'], text.io)).toBe(2);
    expect(text.stderr()).toBe(
      'sora-kit: unknown command "generat"; commands: generate, status, wait, list, download, remix, edit, extend, character, delete, prompt, emulator, contract\nRun "sora-kit --help" for usage.\n',
    );
    const json = captureIo({});
    expect(await runSoraKitCli(['--json', 'generat'], json.io)).toBe(2);
    expect(JSON.parse(json.stdout())).toEqual({
      error: {
        type: 'UsageError',
        message:
          'unknown command "generat"; commands: generate, status, wait, list, download, remix, edit, extend, character, delete, prompt, emulator, contract',
      },
    });
  });

  it('says each problem once, in one style: unknown flags, ranges, one-value ranges', async () => {
    const flag = captureIo({});
    expect(await runSoraKitCli(['status', '--colour', 'red'], flag.io)).toBe(2);
    expect(flag.stderr()).toMatch(/^sora-kit: unknown flag "--colour"\n/);
    const top = captureIo({});
    expect(await runSoraKitCli(['--colour', 'status'], top.io)).toBe(2);
    expect(top.stderr()).toMatch(/^sora-kit: unknown flag "--colour"/);
    const limit = captureIo({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(await runSoraKitCli(['list', '--limit', '0'], limit.io)).toBe(2);
    expect(limit.stderr()).toBe('sora-kit: limit: "0" is too small; allowed: >= 1\n');
    const azure = { AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9', AZURE_OPENAI_API_KEY: 'k' };
    const variants = captureIo(azure);
    const argv = ['generate', 'a fox', '--backend', 'azure-sora1', '--size', '1920x1080', '--variants', '2'];
    expect(await runSoraKitCli(argv, variants.io)).toBe(2);
    expect(variants.stderr()).toContain('; allowed: 1\n');
    expect(variants.stderr()).not.toContain('1..1');
  });

  it('runs the standalone emulator until interrupted', async () => {
    const stop = new AbortController();
    let url = '';
    const run = captureIo({}, { signal: stop.signal });
    run.io.stdout.write = (text: string) => {
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match?.[1]) {
        url = match[1];
        // Stop once a request has been answered.
        void fetch(`${url}/_emulator/health`).then(() => stop.abort());
      }
      return true;
    };
    const code = await runSoraKitCli(['emulator', '--port', '0', '--log-level', 'silent'], run.io);
    expect(code).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const bad = captureIo({});
    expect(await runSoraKitCli(['emulator', '--clock', 'sundial'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--clock must be real or manual, got "sundial"');
  });

  it('delegates contract to @sora-kit/contract', async () => {
    const list = captureIo({});
    expect(await runSoraKitCli(['contract', '--list'], list.io)).toBe(0);
    expect(list.stdout().trim().split('\n').length).toBeGreaterThan(5);
    expect(list.stderr()).toBe('');
    const bad = captureIo({});
    expect(await runSoraKitCli(['contract', '--max-jobs', 'many'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--max-jobs must be an integer');
  });

  it('runs from the committed bin stub', async () => {
    const bin = fileURLToPath(new URL('../../bin/sora-kit.mjs', import.meta.url));
    const built = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));
    const result = await promisify(execFile)(process.execPath, [bin, '--help']).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    if (built) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: sora-kit COMMAND');
    } else {
      // `npm test` does not build this package first; the stub then says how to.
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('sora-kit is not built yet');
    }
  });
});
