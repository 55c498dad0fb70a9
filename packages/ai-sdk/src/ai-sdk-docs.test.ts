import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runDocsBlock, tsBlocks } from '@sora-kit/core/testing';
import { afterAll, describe, expect, it } from 'vitest';

// Runs every ```ts block of the AI SDK pages; `console.log(x); // text` lines are assertions.
const PAGES = ['ai-sdk.md', 'migrating.md'];
// Inside the package's node_modules, so the blocks resolve `ai`, `sora-kit`, ... like an app would.
const workDir = fileURLToPath(new URL('../node_modules/.docs-examples/', import.meta.url));
const replace = {
  "'@sora-kit/ai-sdk'": JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url))),
};
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
// The SDK's console logging of warnings; the pages show them from the results.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

describe.each(PAGES)('docs/%s', (page) => {
  const blocks = tsBlocks(readFileSync(new URL(`../../../docs/${page}`, import.meta.url), 'utf8'));

  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1} runs and prints what the page says`, async () => {
      const file = `${workDir}${page.replace('.md', '')}-${index + 1}.ts`;
      const { checks, seen } = await runDocsBlock(block, { file, replace });
      expect(checks, 'each example checks its output').toBeGreaterThan(0);
      expect(seen.length, 'every documented output line must run').toBe(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  });
});
