import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCapabilityTable } from './capabilities/index.js';

const docsUrl = new URL('../../../docs/core.md', import.meta.url);
const docs = readFileSync(docsUrl, 'utf8');
const TABLE_START = '<!-- capability-table:start -->';
const TABLE_END = '<!-- capability-table:end -->';

describe('docs/core.md', () => {
  it('embeds the capability table generated from DEFAULT_CAPABILITIES', () => {
    const expected = `${TABLE_START}\n${renderCapabilityTable()}\n${TABLE_END}`;
    const start = docs.indexOf(TABLE_START);
    const end = docs.indexOf(TABLE_END) + TABLE_END.length;
    expect(start).toBeGreaterThan(-1);
    const actual = docs.slice(start, end);
    if (actual !== expected && process.env.UPDATE_DOCS === '1') {
      writeFileSync(docsUrl, docs.slice(0, start) + expected + docs.slice(end));
      return;
    }
    expect(actual, 'regenerate with UPDATE_DOCS=1 npx vitest run src/core-docs.test.ts').toBe(expected);
  });

  it('keeps the VideoClient section marker', () => {
    expect(docs).toMatch(/^## VideoClient\n\n<!-- client-section -->/m);
  });
});

const blocks = [...docs.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const workDir = mkdtempSync(join(tmpdir(), 'sora-kit-docs-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/ (.*)$/;

/** Rewrites a docs block into a module whose `console.log(x); // text` lines are assertions. */
function toModule(block: string): { source: string; checks: number } {
  const main = fileURLToPath(new URL('./index.ts', import.meta.url));
  const wire = fileURLToPath(new URL('./wire/index.ts', import.meta.url));
  let checks = 0;
  const body = block
    .replaceAll("'@sora-kit/core/wire'", JSON.stringify(wire))
    .replaceAll("'@sora-kit/core'", JSON.stringify(main))
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      checks += 1;
      return `${match[1]}globalThis.__docsCheck(${match[2]}, ${JSON.stringify(match[3]!.replaceAll('\\n', '\n'))});`;
    })
    .join('\n');
  return { source: body, checks };
}

describe('docs/core.md examples run', () => {
  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1}: ${block
      .split('\n')
      .find((line) => line.startsWith('console.log') || line.includes('('))
      ?.slice(0, 60)}`, async () => {
      const { source, checks } = toModule(block);
      const seen: [string, string][] = [];
      (globalThis as Record<string, unknown>).__docsCheck = (value: unknown, expected: string) => {
        seen.push([typeof value === 'string' ? value : JSON.stringify(value), expected]);
      };
      const file = join(workDir, `block-${index + 1}.ts`);
      writeFileSync(file, source);
      await import(/* @vite-ignore */ file);
      expect(seen.length, 'every documented output line must run').toBe(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  });
});
