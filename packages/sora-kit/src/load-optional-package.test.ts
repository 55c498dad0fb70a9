import { describe, expect, it } from 'vitest';
import { loadOptionalPackage, MissingPackageError } from './load-optional-package.js';

describe('loadOptionalPackage', () => {
  it('says what needs a missing package and how to install it', async () => {
    const name = '@sora-kit/not-installed-anywhere';
    const error = await loadOptionalPackage(() => import(name), name, 'The test feature').catch(
      (e: unknown) => e,
    );
    expect(MissingPackageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The test feature needs @sora-kit/not-installed-anywhere, which is not installed: npm install @sora-kit/not-installed-anywhere',
    );
  });

  it('returns the module when it is installed and passes other errors through', async () => {
    const core = await loadOptionalPackage(() => import('@sora-kit/core'), '@sora-kit/core', 'x');
    expect(typeof core.createClient).toBe('function');
    const broken = new Error('boom');
    await expect(loadOptionalPackage(() => Promise.reject(broken), 'pkg', 'x')).rejects.toBe(broken);
  });
});
