/**
 * decodeImage in a real browser (Debian's Chromium): the module bundled by esbuild for the
 * browser, with libwebp's `webp_dec.wasm` served beside the bundle as `@jsquash/webp` expects.
 * Lossy, lossy+alpha and lossless WebP, PNG and JPEG decode in the page to exactly the pixels
 * they decode to on Node.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundlePageScript,
  launchTestBrowser,
  type ServedFiles,
  serveFiles,
  type TestBrowser,
} from '../../test-support/chromium.js';
import { lavfiStill } from '../../test-support/ffmpeg.js';
import { decodeImage } from './decode-image.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const wasm = readFileSync(createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm'));

const PAGE_SCRIPT = `
import { decodeImage } from './decode-image.ts';
window.decodeBase64 = async (base64) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const { width, height, rgba } = await decodeImage(bytes);
  let binary = '';
  for (let i = 0; i < rgba.length; i += 0x8000) binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
  return { width, height, rgba: btoa(binary) };
};
`;

let site: ServedFiles;
let origin: string;
let browser: TestBrowser;

beforeAll(async () => {
  const app = await bundlePageScript(PAGE_SCRIPT, here);
  const files: Record<string, [string, string | Buffer]> = {
    '/': [
      'text/html; charset=utf-8',
      '<!doctype html><title>decode</title><script type="module" src="/app.js"></script>',
    ],
    '/app.js': ['text/javascript; charset=utf-8', app],
    '/webp_dec.wasm': ['application/wasm', wasm],
    '/favicon.ico': ['image/x-icon', ''],
  };
  site = await serveFiles(files);
  origin = site.origin;
  browser = await launchTestBrowser(new URL('../../../test-artifacts/', import.meta.url));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const SOURCE = "testsrc2=size=97x61:rate=1,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='X*2+Y'";

describe('decodeImage in Chromium (bundled for the browser)', () => {
  it.each([
    ['lossy WebP', ['-c:v', 'libwebp', '-lossless', '0', '-pix_fmt', 'yuv420p'], 'b-lossy.webp'],
    ['lossy WebP with alpha', ['-c:v', 'libwebp', '-lossless', '0'], 'b-alpha.webp'],
    ['lossless WebP', ['-c:v', 'libwebp', '-lossless', '1'], 'b-lossless.webp'],
    ['PNG RGBA', ['-pix_fmt', 'rgba'], 'b-rgba.png'],
    ['JPEG', ['-pix_fmt', 'yuvj420p'], 'b.jpg'],
  ])('%s: the same pixels as on Node', async (_name, args, name) => {
    const { bytes } = lavfiStill(SOURCE, args, name);
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () => typeof (window as { decodeBase64?: unknown }).decodeBase64 === 'function',
    );
    const inPage = await page.evaluate(
      (base64) =>
        (
          window as unknown as {
            decodeBase64: (b: string) => Promise<{ width: number; height: number; rgba: string }>;
          }
        ).decodeBase64(base64),
      bytes.toString('base64'),
    );
    await page.close();
    const onNode = await decodeImage(bytes);
    expect([inPage.width, inPage.height]).toEqual([97, 61]);
    expect(Buffer.from(inPage.rgba, 'base64').equals(Buffer.from(onNode.rgba))).toBe(true);
    expect(browser.errors).toEqual([]);
  });
});
