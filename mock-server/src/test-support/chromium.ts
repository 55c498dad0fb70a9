import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs the `chromium` package; no browser download). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** One browser (a fresh profile) for a test file, and the errors its pages report. */
export interface TestBrowser {
  readonly context: BrowserContext;
  /** Console errors and uncaught page errors, as text. */
  readonly errors: string[];
  /** A new page whose console errors land in `errors`. */
  newPage(): Promise<Page>;
  /** Saves a screenshot under `<package>/test-artifacts/` (git-ignored) and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Launches Chromium through playwright-core with a fresh user data dir.
 * @example
 * const browser = await launchTestBrowser(new URL('../../test-artifacts/', import.meta.url));
 */
export async function launchTestBrowser(artifacts: URL): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'sora-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
  });
  const errors: string[] = [];
  const dir = artifacts.pathname;
  mkdirSync(dir, { recursive: true });
  return {
    context,
    errors,
    async newPage() {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      return page;
    },
    async screenshot(page, name) {
      const path = join(dir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A loopback server for a browser test's files: path -> [content type, body]. */
export interface ServedFiles {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves fixed files on a free loopback port (404 for any other path), for a page under test.
 * @example
 * const site = await serveFiles({ '/': ['text/html', '<script type="module" src="/app.js"></script>'] });
 */
export async function serveFiles(files: Record<string, [string, string | Uint8Array]>): Promise<ServedFiles> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Bundles a page's script (TypeScript source, imports resolved from `resolveDir`) for the browser,
 * as an ES module; a `node:` import fails the build.
 * @example
 * const app = await bundlePageScript("import { decodeImage } from './decode-image.ts'; ...", here);
 */
export async function bundlePageScript(contents: string, resolveDir: string): Promise<string> {
  const bundle = await build({
    stdin: { contents, resolveDir, sourcefile: 'page.ts', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]?.text ?? '';
}
