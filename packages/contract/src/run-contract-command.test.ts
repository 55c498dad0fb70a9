import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, DEFAULT_DEPLOYMENTS } from '@sora-kit/emulator';
import { describe, expect, it } from 'vitest';
import { runContractCommand } from './run-contract-command.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: {
        write: (text: string) => {
          out.stdout += text;
        },
      },
      stderr: {
        write: (text: string) => {
          out.stderr += text;
        },
      },
      env: {},
    },
  };
}

describe('runContractCommand', () => {
  it('prints a scenario x target table and exits 0 when everything passes (inprocess + http + live skipped)', async () => {
    const server = await createEmulator({
      clock: 'manual',
      logLevel: 'silent',
      deployments: DEFAULT_DEPLOYMENTS,
    }).listen(0);
    try {
      const { out, io } = capture();
      const code = await runContractCommand(
        [
          '--target',
          'inprocess',
          '--target',
          server.url,
          '--target',
          'live',
          '--scenario',
          'invalid-field',
          '--scenario',
          'quota',
        ],
        io,
      );
      expect(out.stderr).toBe('');
      expect(code).toBe(0);
      const lines = out.stdout.split('\n');
      expect(lines[0]).toMatch(
        new RegExp(`^scenario \\[dialect\\]\\s+inprocess\\s+${server.url.replace(/[.]/g, '\\.')}\\s+live$`),
      );
      expect(out.stdout).toMatch(/invalid-field-seconds \[sora2-openai\]\s+pass \d+ms\s+pass \d+ms\s+skip/);
      expect(out.stdout).toMatch(/quota \[sora1-azure\]\s+pass \d+ms\s+pass \d+ms\s+skip/);
      expect(out.stdout).toContain(
        'live: live targets are opt-in: set SORA_KIT_CONTRACT_LIVE=1 and credentials',
      );
      expect(out.stdout).toMatch(/\n38 passed, 0 failed, 19 skipped\n$/);
    } finally {
      await server.close();
    }
  });

  it('exits 1 when a target fails: a server that is not an emulator', async () => {
    const other = createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const { out, io } = capture();
      const code = await runContractCommand(['--target', url, '--scenario', 'missing-auth'], io);
      expect(code).toBe(1);
      expect(out.stdout).toMatch(/missing-auth \[sora2-openai\]\s+FAIL/);
      expect(out.stdout).toContain('is not a sora-kit emulator (GET /_emulator/health answered 404)');
      expect(out.stdout).toMatch(/0 passed, 3 failed, 0 skipped/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('prints JSON with --json', async () => {
    const { out, io } = capture();
    expect(await runContractCommand(['--scenario', 'missing-auth', '--json'], io)).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.ok).toBe(true);
    expect(report.results.map((result: { dialect: string }) => result.dialect)).toEqual([
      'sora2-openai',
      'sora2-azure',
      'sora1-azure',
    ]);
    expect(report.results[0].exchanges).toEqual([
      { operation: 'GET /videos', status: 401 },
      { operation: 'POST /videos', status: 401 },
    ]);
  });

  it('exits 2 on bad usage', async () => {
    for (const argv of [
      ['--target', 'ftp://x'],
      ['--max-jobs', 'two'],
      ['--scenario', 'no-such-scenario'],
      ['--bogus'],
      ['positional'],
    ]) {
      const { out, io } = capture();
      expect(await runContractCommand(argv, io), argv.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/^sora-kit contract: /);
    }
    const { out, io } = capture();
    expect(
      await runContractCommand(['--target', 'live'], {
        ...io,
        env: { SORA_KIT_CONTRACT_LIVE: '1', SORA_KIT_CONTRACT_MAX_JOBS: '-1' },
      }),
    ).toBe(2);
    expect(out.stderr).toContain('SORA_KIT_CONTRACT_MAX_JOBS must be an integer >= 0');
  });

  it('--help and --list exit 0', async () => {
    const help = capture();
    expect(await runContractCommand(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toContain('Usage: sora-kit contract');
    const list = capture();
    expect(await runContractCommand(['--list'], list.io)).toBe(0);
    expect(list.out.stdout).toMatch(/^expiry\s+.*\(sora2-openai,sora2-azure,sora1-azure; emulator-only\)$/m);
  });
});

describe('runContractCommand against a shared emulator', () => {
  it('runs in a clock scope of its own: other credentials keep their jobs and the global clock stays', async () => {
    const emulator = createEmulator({ clock: 'manual', logLevel: 'silent', quota: 'none' });
    const server = await emulator.listen(0);
    try {
      const user = { authorization: 'Bearer sk-someone-else', 'content-type': 'application/json' };
      const created = await fetch(`${server.url}/v1/videos`, {
        method: 'POST',
        headers: user,
        body: JSON.stringify({ prompt: 'a job that must survive the contract run' }),
      });
      const video = (await created.json()) as { id: string; status: string };
      const before = (await (await fetch(`${server.url}/_emulator/clock`)).json()) as { now_ms: number };

      const { out, io } = capture();
      // `expiry` advances its clock by more than a day; `create-complete-download` polls through completion.
      const code = await runContractCommand(
        ['--target', server.url, '--scenario', 'expiry', '--scenario', 'create-complete-download'],
        io,
      );
      expect(out.stderr).toBe('');
      expect(code).toBe(0);

      const after = (await (await fetch(`${server.url}/_emulator/clock`)).json()) as { now_ms: number };
      expect(after.now_ms).toBe(before.now_ms);
      const still = await fetch(`${server.url}/v1/videos/${video.id}`, { headers: user });
      expect(still.status).toBe(200);
      expect(((await still.json()) as { status: string }).status).toBe('queued');
      const scopes = (await (await fetch(`${server.url}/_emulator/clock/scopes`)).json()) as {
        data: { scope: string; offset_ms: number }[];
      };
      expect(scopes.data).toHaveLength(1);
      expect(scopes.data[0]?.scope).toMatch(/^contract-/);
      expect(scopes.data[0]?.offset_ms).toBeGreaterThan(86_400_000);
    } finally {
      await server.close();
    }
  });
});
