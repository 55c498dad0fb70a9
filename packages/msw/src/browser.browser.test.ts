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
} from '../../../mock-server/src/test-support/chromium.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
// The service worker script MSW ships (served by the test server; nothing is downloaded).
const workerScript = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

// The page: the official openai SDK against api.openai.com, intercepted by MSW's service worker
// and answered in the page by the emulator of @sora-kit/msw/browser.
const PAGE_SCRIPT = `
import OpenAI from 'openai';
import { createSoraHandlers, setupWorker } from './browser.ts';

window.runScenario = async () => {
  const { handlers, emulator } = createSoraHandlers({ clock: 'manual', seed: 7, logLevel: 'silent' });
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'error', quiet: true });
  const openai = new OpenAI({ apiKey: 'sk-in-the-page', dangerouslyAllowBrowser: true, maxRetries: 0 });
  const created = await openai.videos.create({ model: 'sora-2', prompt: 'a red balloon over a lake', seconds: '4', size: '1280x720' });
  emulator.clock.advance(600_000);
  const done = await openai.videos.retrieve(created.id);
  const response = await openai.videos.downloadContent(created.id);
  const blob = await response.blob();
  const video = document.createElement('video');
  video.muted = true;
  document.body.append(video);
  video.src = URL.createObjectURL(blob);
  await new Promise((resolve, reject) => {
    video.onloadedmetadata = resolve;
    video.onerror = () => reject(new Error('video error ' + (video.error && video.error.code)));
  });
  const duration = video.duration;
  await video.play();
  await new Promise((resolve) => {
    const check = () => (video.currentTime > 0.2 ? resolve() : requestAnimationFrame(check));
    check();
  });
  video.pause();
  return {
    createdStatus: created.status,
    doneStatus: done.status,
    seconds: created.seconds,
    type: response.headers.get('content-type'),
    bytes: blob.size,
    duration,
    currentTime: video.currentTime,
    controlledBy: navigator.serviceWorker.controller ? navigator.serviceWorker.controller.scriptURL : null,
  };
};
`;

let site: ServedFiles;
let origin: string;
let browser: TestBrowser;

beforeAll(async () => {
  const app = await bundlePageScript(PAGE_SCRIPT, here);
  const files: Record<string, [string, string]> = {
    '/': [
      'text/html; charset=utf-8',
      '<!doctype html><title>msw page</title><link rel="icon" href="data:,"><script type="module" src="/app.js"></script>',
    ],
    '/app.js': ['text/javascript; charset=utf-8', app],
    '/mockServiceWorker.js': ['text/javascript; charset=utf-8', workerScript],
  };
  site = await serveFiles(files);
  origin = site.origin;
  browser = await launchTestBrowser(new URL('../test-artifacts/', import.meta.url));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('@sora-kit/msw/browser in Chromium', () => {
  it('runs the openai SDK in a page against the intercepted API and plays the MP4', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => typeof (window as { runScenario?: unknown }).runScenario === 'function');
    const result = await page.evaluate(() =>
      (window as unknown as { runScenario: () => Promise<Record<string, unknown>> }).runScenario(),
    );
    expect(result.createdStatus).toBe('queued');
    expect(result.doneStatus).toBe('completed');
    expect(result.type).toBe('video/mp4');
    expect(result.bytes).toBeGreaterThan(10_000);
    expect(Math.round(result.duration as number)).toBe(Number(result.seconds));
    expect(result.currentTime as number).toBeGreaterThan(0.2);
    expect(result.controlledBy).toBe(`${origin}/mockServiceWorker.js`);
    await browser.screenshot(page, 'msw-browser');
    expect(browser.errors).toEqual([]);
  });
});
