import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

describe('@sora-kit/sora2 without the openai SDK', () => {
  it('does not depend on openai at run time (a devDependency for tests only)', () => {
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('openai');
    expect(Object.keys(pkg.peerDependencies ?? {})).not.toContain('openai');
  });

  it('no source file outside the tests imports openai (types included)', () => {
    const dir = new URL('./', import.meta.url);
    const sources = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(5);
    const importers = sources.filter((name) =>
      /\bfrom\s+['"]openai(?:\/[^'"]*)?['"]|import\(\s*['"]openai/.test(
        readFileSync(new URL(name, dir), 'utf8'),
      ),
    );
    expect(importers).toEqual([]);
  });
});
