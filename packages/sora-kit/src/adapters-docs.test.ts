import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCapabilityTable } from '@sora-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

const docsUrl = new URL('../../../docs/adapters.md', import.meta.url);
const docs = readFileSync(docsUrl, 'utf8');
const TABLE_START = '<!-- capability-table:start -->';
const TABLE_END = '<!-- capability-table:end -->';

describe('docs/adapters.md', () => {
  it('embeds the capability table generated from the core table', () => {
    const expected = `${TABLE_START}\n${renderCapabilityTable()}\n${TABLE_END}`;
    const start = docs.indexOf(TABLE_START);
    const end = docs.indexOf(TABLE_END) + TABLE_END.length;
    expect(start).toBeGreaterThan(-1);
    const actual = docs.slice(start, end);
    // Column padding is the formatter's business; the cells must match.
    const cells = (table: string) => table.replace(/ *\| */g, '|').replace(/\|-+(?=\|)/g, '|---');
    if (cells(actual) !== cells(expected) && process.env.UPDATE_DOCS === '1') {
      writeFileSync(docsUrl, docs.slice(0, start) + expected + docs.slice(end));
      return;
    }
    expect(cells(actual), 'regenerate with UPDATE_DOCS=1 npx vitest run src/adapters-docs.test.ts').toBe(
      cells(expected),
    );
  });
});

const blocks = [...docs.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const CHECK = /^(\s*)(?:if \((.*)\) )?console\.log\((.*)\);\s*\/\/ (.*)$/;
// Inside the package's node_modules so that imports such as `@azure/identity` resolve.
const runDir = fileURLToPath(new URL('../node_modules/.docs-run/', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'sora-kit-adapters-docs-'));

/** Rewrites a block into a module: `console.log(x); // text` lines become assertions. */
function toModule(block: string, shim: string): { source: string; checks: number } {
  let checks = 0;
  const source = block
    .replaceAll("from 'sora-kit'", `from ${JSON.stringify(shim)}`)
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      checks += 1;
      const call = `globalThis.__docsCheck(${match[3]}, ${JSON.stringify(match[4])});`;
      return `${match[1]}${match[2] ? `if (${match[2]}) ` : ''}${call}`;
    })
    .join('\n');
  return { source, checks };
}

describe('docs/adapters.md examples run against the emulator', () => {
  let driver: EmulatorDriver;
  const saved = { ...process.env };
  let shim: string;

  beforeAll(async () => {
    driver = await startEmulatorDriver();
    mkdirSync(runDir, { recursive: true });
    const index = fileURLToPath(new URL('./index.ts', import.meta.url));
    shim = join(runDir, 'sora-kit-shim.ts');
    writeFileSync(
      shim,
      [
        `import * as kit from ${JSON.stringify(index)};`,
        `export * from ${JSON.stringify(index)};`,
        'const driver = (globalThis as any).__docsDriver;',
        'const inject = { clock: driver.clock, delay: driver.delay, fetch: driver.fetch };',
        'export const createVideoClient = (options: any) => kit.createVideoClient({ ...options, ...inject });',
        'export const createVideoClientFromEnv = (options: any = {}) => kit.createVideoClientFromEnv({ ...options, ...inject });',
        '',
      ].join('\n'),
    );
    (globalThis as Record<string, unknown>).__docsDriver = driver;
    Object.assign(process.env, {
      AZURE_OPENAI_ENDPOINT: driver.server.url,
      AZURE_OPENAI_API_KEY: 'docs-azure-key',
      AZURE_OPENAI_DEPLOYMENT: 'sora',
      AZURE_OPENAI_SORA2_DEPLOYMENT: 'sora-2',
      OPENAI_API_KEY: 'sk-docs',
      OPENAI_BASE_URL: `${driver.server.url}/v1`,
      OUT_DIR: outDir,
    });
  });

  afterAll(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await driver.close();
    rmSync(runDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('has an example per backend, auth, capabilities, router, errors and handles', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9);
  });

  blocks.forEach((block, index) => {
    const title = block.split('\n').find((line) => line.includes('backend:') || line.includes('await')) ?? '';
    it(`block ${index + 1}: ${title.trim().slice(0, 60)}`, { timeout: 60_000 }, async () => {
      const { source, checks } = toModule(block, shim);
      const seen: [string, string][] = [];
      (globalThis as Record<string, unknown>).__docsCheck = (value: unknown, expected: string) => {
        seen.push([typeof value === 'string' ? value : JSON.stringify(value), expected]);
      };
      const file = join(runDir, `block-${index + 1}.ts`);
      writeFileSync(file, source);
      await driver.run(import(/* @vite-ignore */ file));
      expect(seen.length, 'every documented output line must run').toBe(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  });
});
