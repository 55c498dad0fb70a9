import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const docs = readFileSync(new URL('../../../docs/testing.md', import.meta.url), 'utf8');
const blocks = [...docs.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/ (.*)$/;
// Inside the package's node_modules: ignored by git and biome, and package imports resolve.
const runDir = fileURLToPath(new URL('../node_modules/.docs-run/', import.meta.url));
const index = fileURLToPath(new URL('./index.ts', import.meta.url));

/** Rewrites a block into a module: `console.log(x); // text` lines become recorded checks. */
function toModule(block: string): { source: string; checks: number } {
  let checks = 0;
  const source = block
    .replaceAll("from '@sora-kit/msw'", `from ${JSON.stringify(index)}`)
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      checks += 1;
      return `${match[1]}globalThis.__docsCheck(${match[2]}, ${JSON.stringify(match[3])});`;
    })
    .join('\n');
  return { source, checks };
}

describe('docs/testing.md examples', () => {
  beforeAll(() => {
    mkdirSync(runDir, { recursive: true });
  });
  afterAll(() => {
    vi.useRealTimers();
    rmSync(runDir, { recursive: true, force: true });
  });

  it('has the sections and the runnable examples', () => {
    for (const heading of [
      '## MSW handlers',
      '## Fake timers',
      '## In-process and over HTTP',
      '## Contract test kit',
    ]) {
      expect(docs).toContain(`\n${heading}\n`);
    }
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  blocks.forEach((block, number) => {
    const title = block.split('\n').find((line) => line.startsWith('const ')) ?? '';
    it(`block ${number + 1}: ${title.slice(0, 70)}`, { timeout: 30_000 }, async () => {
      const { source, checks } = toModule(block);
      const seen: [string, string][] = [];
      (globalThis as Record<string, unknown>).__docsCheck = (value: unknown, expected: string) => {
        seen.push([typeof value === 'string' ? value : JSON.stringify(value), expected]);
      };
      const file = join(runDir, `block-${number + 1}.ts`);
      writeFileSync(file, source);
      await import(/* @vite-ignore */ file);
      expect(checks, 'each example checks its output').toBeGreaterThan(0);
      expect(seen.length, 'every documented output line must run').toBe(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  });
});
