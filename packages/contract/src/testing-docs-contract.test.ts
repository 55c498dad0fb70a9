import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const docs = readFileSync(new URL('../../../docs/testing.md', import.meta.url), 'utf8');
const marker = docs.indexOf('<!-- contract-section -->');
const section = docs.slice(marker);
const blocks = [...section.matchAll(/^```typescript\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/ (.*)$/;
// Inside the package's node_modules: ignored by git and biome; package imports still resolve.
const runDir = fileURLToPath(new URL('../node_modules/.docs-run-contract/', import.meta.url));
const index = fileURLToPath(new URL('./index.ts', import.meta.url));
const localize = (block: string) =>
  block.replaceAll("from '@sora-kit/contract'", `from ${JSON.stringify(index)}`);

describe('docs/testing.md, section "Contract test kit"', () => {
  beforeAll(() => {
    mkdirSync(runDir, { recursive: true });
  });
  afterAll(() => {
    rmSync(runDir, { recursive: true, force: true });
  });

  it('has the section after its marker, with three typescript blocks', () => {
    expect(marker).toBeGreaterThan(docs.indexOf('\n## Contract test kit\n'));
    expect(blocks).toHaveLength(3);
    for (const word of [
      'emulator-only',
      'SORA_KIT_CONTRACT_LIVE',
      'SORA_KIT_CONTRACT_MAX_JOBS',
      '--max-jobs',
      'runContractSuite',
    ]) {
      expect(section).toContain(word);
    }
  });

  for (const number of [0, 2]) {
    it(`block ${number + 1} prints what the docs say`, async () => {
      const seen: [string, string][] = [];
      (globalThis as Record<string, unknown>).__docsCheck = (...args: unknown[]) => {
        const expected = args.pop() as string;
        seen.push([
          args.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' '),
          expected,
        ]);
      };
      let checks = 0;
      const source = localize(blocks[number] ?? '')
        .split('\n')
        .map((line) => {
          const match = CHECK.exec(line);
          if (!match) return line;
          checks += 1;
          return `${match[1]}globalThis.__docsCheck(${match[2]}, ${JSON.stringify(match[3])});`;
        })
        .join('\n');
      const file = join(runDir, `block-${number + 1}.ts`);
      writeFileSync(file, source);
      await import(/* @vite-ignore */ file);
      expect(checks).toBeGreaterThan(0);
      expect(seen).toHaveLength(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  }

  it('block 2 (the CI test file) passes under vitest: emulator scenarios pass, live ones skip', async () => {
    const file = join(runDir, 'sora-contract.test.ts');
    writeFileSync(file, localize(blocks[1] ?? ''));
    writeFileSync(
      join(runDir, 'vitest.config.mjs'),
      'export default { test: { include: ["*.test.ts"] } };\n',
    );
    const vitest = createRequire(import.meta.url)
      .resolve('vitest/package.json')
      .replace(/package\.json$/, 'vitest.mjs');
    const env = { ...process.env, SORA_KIT_CONTRACT_LIVE: '', NO_COLOR: '1' };
    const { stdout } = await promisify(execFile)(process.execPath, [vitest, 'run', '--root', runDir], {
      env,
      timeout: 120_000,
    });
    expect(stdout).toMatch(/Tests\s+51 passed \| 48 skipped \(99\)/);
  }, 150_000);
});
