/**
 * Runnable documentation: the ```ts blocks of a page run as modules, and their
 * `console.log(x); // text` lines become checks of what the page says they print.
 * @module
 */

/** A documented output line: `console.log(expression); // expected text`. */
const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/ (.*)$/;

/** The ```ts blocks of a markdown page, in order. */
export function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
}

/** Options of {@link runDocsBlock}. */
export interface RunDocsBlockOptions {
  /** Where the module is written (inside a package's node_modules, so its imports resolve). */
  file: string;
  /** Texts to replace before running, e.g. `{ "'@sora-kit/core'": '"/abs/src/index.ts"' }`. */
  replace?: Readonly<Record<string, string>>;
}

/** What a block printed against what the page says: `[actual, expected]` per check line. */
export interface DocsBlockRun {
  /** Check lines in the block. */
  checks: number;
  /** The checks that ran, in order (a value that is not a string is JSON). */
  seen: [actual: string, expected: string][];
}

/**
 * Writes `block` to `options.file` as a module whose check lines record their values, imports it,
 * and returns what it printed. A `\n` in the expected text stands for a line break.
 * @example
 * const { checks, seen } = await runDocsBlock(block, { file: join(dir, 'block-1.ts') });
 * expect(seen.length).toBe(checks);
 * for (const [actual, expected] of seen) expect(actual).toBe(expected);
 */
export async function runDocsBlock(block: string, options: RunDocsBlockOptions): Promise<DocsBlockRun> {
  let source = block;
  for (const [from, to] of Object.entries(options.replace ?? {})) source = source.replaceAll(from, to);
  let checks = 0;
  source = source
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      checks += 1;
      const expected = JSON.stringify(match[3]!.replaceAll('\\n', '\n'));
      return `${match[1]}globalThis.__docsCheck(${match[2]}, ${expected});`;
    })
    .join('\n');
  const seen: [string, string][] = [];
  (globalThis as Record<string, unknown>).__docsCheck = (value: unknown, expected: string) => {
    seen.push([typeof value === 'string' ? value : JSON.stringify(value), expected]);
  };
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(options.file), { recursive: true });
  writeFileSync(options.file, source);
  await import(/* @vite-ignore */ options.file);
  return { checks, seen };
}
