import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCapabilitySources, renderCapabilityTable } from './capabilities/index.js';
import { runDocsBlock, tsBlocks } from './testing/index.js';

const docsUrl = new URL('../../../docs/core.md', import.meta.url);
const docs = readFileSync(docsUrl, 'utf8');
describe('docs/core.md', () => {
  it.each([
    ['capability-table', renderCapabilityTable],
    ['capability-sources', renderCapabilitySources],
  ])('embeds the %s generated from DEFAULT_CAPABILITIES', (name, render) => {
    const current = readFileSync(docsUrl, 'utf8');
    const startMarker = `<!-- ${name}:start -->`;
    const endMarker = `<!-- ${name}:end -->`;
    const expected = `${startMarker}\n${render()}\n${endMarker}`;
    const start = current.indexOf(startMarker);
    const end = current.indexOf(endMarker) + endMarker.length;
    expect(start).toBeGreaterThan(-1);
    const actual = current.slice(start, end);
    if (actual !== expected && process.env.UPDATE_DOCS === '1') {
      writeFileSync(docsUrl, current.slice(0, start) + expected + current.slice(end));
      return;
    }
    expect(actual, 'regenerate with UPDATE_DOCS=1 npx vitest run src/core-docs.test.ts').toBe(expected);
  });

  it('keeps the VideoClient section marker', () => {
    expect(docs).toMatch(/^## VideoClient\n\n<!-- client-section -->/m);
  });
});

const blocks = tsBlocks(docs);
const workDir = mkdtempSync(join(tmpdir(), 'sora-kit-docs-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const replace = {
  "'@sora-kit/core/wire'": JSON.stringify(fileURLToPath(new URL('./wire/index.ts', import.meta.url))),
  "'@sora-kit/core'": JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url))),
};

describe('docs/core.md examples run', () => {
  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1}: ${block
      .split('\n')
      .find((line) => line.startsWith('console.log') || line.includes('('))
      ?.slice(0, 60)}`, async () => {
      const { checks, seen } = await runDocsBlock(block, {
        file: join(workDir, `block-${index + 1}.ts`),
        replace,
      });
      expect(seen.length, 'every documented output line must run').toBe(checks);
      for (const [actual, expected] of seen) expect(actual).toBe(expected);
    });
  });
});
