import { createEmulator, DEFAULT_DEPLOYMENTS } from '@sora-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatContractTable } from './format-contract-table.js';
import { httpTarget } from './http-target.js';
import { inProcessTarget } from './in-process-target.js';
import { type ContractReport, runContract } from './run-contract.js';
import { contractScenarios, invalidModel } from './scenarios/index.js';

const CELLS = contractScenarios.reduce((sum, scenario) => sum + scenario.dialects.length, 0);

function expectAllPassed(report: ContractReport, target: string): void {
  const results = report.results.filter((result) => result.target === target);
  expect(
    results.filter((result) => result.status !== 'passed'),
    formatContractTable(report),
  ).toEqual([]);
  expect(results).toHaveLength(CELLS);
}

describe('the whole suite against the emulator', () => {
  it('passes in-process (manual clock)', async () => {
    const report = await runContract({ targets: [inProcessTarget({ seed: 7 })] });
    expectAllPassed(report, 'inprocess');
    expect(report.ok).toBe(true);
    for (const result of report.results) expect(result.exchanges.length).toBeGreaterThan(0);
  });

  describe('over HTTP', () => {
    // Strict deployments, as on a real resource, so the unknown-deployment scenario runs too.
    const emulator = createEmulator({
      clock: 'manual',
      seed: 8,
      logLevel: 'silent',
      deployments: DEFAULT_DEPLOYMENTS,
    });
    let server: Awaited<ReturnType<typeof emulator.listen>>;
    beforeAll(async () => {
      server = await emulator.listen(0);
    });
    afterAll(async () => {
      await server.close();
    });

    it('passes against listen(0), with a fixed API key', async () => {
      const keyed = createEmulator({
        clock: 'manual',
        seed: 9,
        logLevel: 'silent',
        apiKey: 'sk-only',
        deployments: DEFAULT_DEPLOYMENTS,
      });
      const keyedServer = await keyed.listen(0);
      try {
        const report = await runContract({
          targets: [
            httpTarget(server.url),
            httpTarget(keyedServer.url, { apiKey: 'sk-only', name: 'keyed' }),
          ],
        });
        expectAllPassed(report, server.url);
        expectAllPassed(report, 'keyed');
        expect(report.targets.map((target) => target.jobs)).toEqual([expect.any(Number), expect.any(Number)]);
        expect(report.ok).toBe(true);
      } finally {
        await keyedServer.close();
      }
    });
  });

  it('skips the unknown-deployment check on an emulator in lenient mode (the default), saying why', async () => {
    const lenient = await createEmulator({ clock: 'manual', logLevel: 'silent' }).listen(0);
    try {
      const report = await runContract({ targets: [httpTarget(lenient.url)], scenarios: [invalidModel] });
      const byDialect = Object.fromEntries(report.results.map((r) => [r.dialect, r]));
      expect(byDialect['sora2-openai']?.status).toBe('passed');
      for (const dialect of ['sora2-azure', 'sora1-azure']) {
        expect(byDialect[dialect]).toMatchObject({ status: 'skipped' });
        expect(byDialect[dialect]?.reason).toContain('--deployments');
      }
    } finally {
      await lenient.close();
    }
  });
});
