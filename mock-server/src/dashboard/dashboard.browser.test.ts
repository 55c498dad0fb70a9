import OpenAI from 'openai';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';
import { launchTestBrowser, type TestBrowser } from '../test-support/chromium.js';

// One emulator (manual clock) and one Chromium for the whole file; each test opens a page.
let emulator: Emulator;
let server: EmulatorServer;
let browser: TestBrowser;
let openai: OpenAI;

beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', seed: 13, logLevel: 'silent' });
  server = await emulator.listen(0);
  browser = await launchTestBrowser(new URL('../../test-artifacts/', import.meta.url));
  openai = new OpenAI({ apiKey: 'sk-dashboard-test', baseURL: `${server.url}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

async function control(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/_emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

async function openDashboard(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('dashboard in Chromium', () => {
  it('shows jobs appear and settle without a reload, and a finished video plays', async () => {
    const page = await openDashboard();
    const first = await openai.videos.create({
      model: 'sora-2',
      prompt: 'a red balloon over a lake',
      seconds: '4',
      size: '1280x720',
    });
    const second = await openai.videos.create({
      model: 'sora-2',
      prompt: 'a paper boat on a river',
      seconds: '8',
      size: '720x1280',
    });
    await page.waitForSelector(`tr[data-id="${first.id}"][data-status="queued"]`);
    await page.waitForSelector(`tr[data-id="${second.id}"][data-status="queued"]`);
    await browser.screenshot(page, 'dashboard-queued');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await control('/clock/advance', { ms: 600_000 });
    await page.waitForSelector(`tr[data-id="${first.id}"][data-status="succeeded"]`);
    await page.waitForSelector(`tr[data-id="${second.id}"][data-status="succeeded"]`);
    expect(navigations).toEqual([]); // no reload

    await page.click(`tr[data-id="${second.id}"]`);
    const video = page.locator(`video[data-job="${second.id}"]`);
    await video.waitFor();
    const duration = await video.evaluate(
      (element: HTMLVideoElement) =>
        new Promise<number>((resolve, reject) => {
          element.onerror = () => reject(new Error(`video error ${element.error?.code}`));
          if (element.readyState >= 1) resolve(element.duration);
          else element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true });
        }),
    );
    expect(Math.round(duration)).toBe(Number(second.seconds));
    const played = await video.evaluate(
      (element: HTMLVideoElement) =>
        new Promise<number>((resolve, reject) => {
          element.muted = true;
          element.addEventListener('timeupdate', function check() {
            if (element.currentTime > 0.2) {
              element.removeEventListener('timeupdate', check);
              element.pause();
              resolve(element.currentTime);
            }
          });
          element.play().catch(reject);
        }),
    );
    expect(played).toBeGreaterThan(0.2);
    // The <video> fetched its bytes with Range requests, through the dialect's own content route.
    const ranged = await fetch(`${server.url}/_emulator/dashboard/content/${second.id}?variant=video`, {
      headers: { range: 'bytes=0-7' },
    });
    expect(ranged.status).toBe(206);
    expect(new TextDecoder().decode((await ranged.arrayBuffer()).slice(4, 8))).toBe('ftyp');
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, 'dashboard-playing');
    await page.close();
  });

  it('shows edit and extension lineage in the jobs list', async () => {
    const page = await openDashboard();
    const source = await openai.videos.create({ model: 'sora-2', prompt: 'a kite on a beach', seconds: '4' });
    await control('/clock/advance', { ms: 600_000 });
    const derive = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}/v1/videos/${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-dashboard-test', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { id: string }).id;
    };
    const edit = await derive('edits', { prompt: 'the kite is blue', video: { id: source.id } });
    const extension = await derive('extensions', {
      prompt: 'it lands',
      seconds: '4',
      video: { id: source.id },
    });
    const edited = page.locator(`tr[data-id="${edit}"] [data-lineage="edit"]`);
    await edited.waitFor();
    expect(await edited.textContent()).toBe(`edit of ${source.id}`);
    const extended = page.locator(`tr[data-id="${extension}"] [data-lineage="extension"]`);
    await extended.waitFor();
    expect(await extended.textContent()).toBe(`extension of ${source.id} (extension 1)`);
    await page.close();
  });

  it('moves the emulator clock with its buttons', async () => {
    const page = await openDashboard();
    const before = (await control('/clock')).now_ms as number;
    await page.click('button[data-advance="3600000"]:not([data-scope])');
    await expect.poll(async () => (await control('/clock')).now_ms).toBe(before + 3_600_000);
    await page.click('button[data-advance="10000"]:not([data-scope])');
    await expect.poll(async () => (await control('/clock')).now_ms).toBe(before + 3_610_000);
    const shown = new Date(before + 3_610_000).toISOString();
    await page.waitForFunction((iso) => document.getElementById('clock-now')?.textContent === iso, shown);
    await page.click('#clock-toggle');
    await expect.poll(async () => (await control('/clock')).mode).toBe('real');
    await control('/clock/set', { mode: 'manual' });
    await page.close();
  });

  it('sets a fault from the page that the API then answers with', async () => {
    const page = await openDashboard();
    await page.fill('#fault-route input[name="route"]', 'POST /v1/videos');
    await page.fill('#fault-route input[name="status"]', '503');
    await page.fill('#fault-route input[name="count"]', '1');
    await page.click('#fault-route button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('faults')?.textContent?.includes('503'));
    const failed = await openai.videos.create({ model: 'sora-2', prompt: 'blocked' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    expect((failed as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    await page.fill('#fault-moderation input[name="words"]', 'forbidden');
    await page.click('#fault-moderation button[type="submit"]');
    await expect.poll(async () => (await control('/faults')).moderation_words).toEqual(['forbidden']);
    await page.waitForSelector('#requests tr');
    await browser.screenshot(page, 'dashboard-faults');
    await page.click('#faults-clear');
    await expect.poll(async () => (await control('/faults')).moderation_words).toEqual([]);
    await page.close();
  });

  it('sets the quota policy from the page; the next create is checked against it', async () => {
    const page = await openDashboard();
    const client = new OpenAI({ apiKey: 'sk-dashboard-quota', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const createStatus = () =>
      client.videos.create({ model: 'sora-2', prompt: 'quota from the page' }).then(
        () => 200,
        (error: unknown) => (error instanceof OpenAI.APIError ? error.status : -1),
      );
    await page.selectOption('#quota-policy select[name="mode"]', 'concurrent');
    await page.fill('#quota-policy input[name="limit"]', '1');
    await page.click('#quota-policy button[type="submit"]');
    await expect.poll(async () => await control('/quota')).toEqual({ mode: 'concurrent', max_concurrent: 1 });
    await page.waitForFunction(() => document.getElementById('quota')?.textContent?.includes('concurrent:1'));
    expect(await createStatus()).toBe(200);
    expect(await createStatus()).toBe(429);
    await page.selectOption('#quota-policy select[name="mode"]', 'rate');
    await page.fill('#quota-policy input[name="limit"]', '3');
    await page.fill('#quota-policy input[name="window_ms"]', '30000');
    await page.click('#quota-policy button[type="submit"]');
    await expect
      .poll(async () => await control('/quota'))
      .toEqual({ mode: 'rate', limit: 3, window_ms: 30_000 });
    expect(await createStatus()).toBe(200); // rate counts creates, not the unfinished job
    await browser.screenshot(page, 'dashboard-quota');
    await control('/quota', { mode: 'concurrent', max_concurrent: 2 });
    await page.close();
  });

  it('answers API clients at / with the JSON 404 and reported no console errors', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Invalid URL (GET /)');
    expect(browser.errors).toEqual([]);
  });
});
