import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Runs every ```ts block of the AI SDK pages; `console.log(x); // text` lines are assertions.
const PAGES = ['ai-sdk.md', 'migrating.md'];
const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/ (.*)$/;
// Inside the package's node_modules, so the blocks resolve `ai`, `sora-kit`, ... like an app would.
const workDir = fileURLToPath(new URL('../node_modules/.docs-examples/', import.meta.url));
const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
mkdirSync(workDir, { recursive: true });
// The SDK's console logging of warnings; the pages show them from the results.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function toModule(block: string): { source: string; checks: number } {
  let checks = 0;
  const source = block
    .replaceAll("'@sora-kit/ai-sdk'", JSON.stringify(entry))
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

describe.each(PAGES)('docs/%s', (page) => {
  const docs = readFileSync(new URL(`../../../docs/${page}`, import.meta.url), 'utf8');
  const blocks = [...docs.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);

  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1} runs and prints what the page says`, async () => {
      const { source, checks } = toModule(block);
      const seen: [string, string][] = [];
      (globalThis as Record<string, unknown>).__docsCheck = (value: unknown, expected: string) => {
        seen.push([typeof value === 'string' ? value : JSON.stringify(value), expected]);
      };
      const file = `${workDir}${page.replace('.md', '')}-${index + 1}.ts`;
      writeFileSync(file, source);
      await import(/* @vite-ignore */ file);
      expect(seen.length, 'every documented output line must run').toBe(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  });
});
