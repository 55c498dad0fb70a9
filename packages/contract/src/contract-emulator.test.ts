import { createEmulator } from '@sora-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatContractTable } from './format-contract-table.js';
import { httpTarget } from './http-target.js';
import { inProcessTarget } from './in-process-target.js';
import { type ContractReport, runContract } from './run-contract.js';
import { contractScenarios } from './scenarios/index.js';

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
    const emulator = createEmulator({ clock: 'manual', seed: 8, logLevel: 'silent' });
    let server: Awaited<ReturnType<typeof emulator.listen>>;
    beforeAll(async () => {
      server = await emulator.listen(0);
    });
    afterAll(async () => {
      await server.close();
    });

    it('passes against listen(0), with a fixed API key', async () => {
      const keyed = createEmulator({ clock: 'manual', seed: 9, logLevel: 'silent', apiKey: 'sk-only' });
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
});
