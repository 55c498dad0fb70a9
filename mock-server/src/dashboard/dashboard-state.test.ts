import { describe, expect, it } from 'vitest';
import { createEmulatorCore } from '../emulator-core.js';
import type { JobKind } from '../engine/job-record.js';
import { testJobInput } from '../test-support/engine-fixtures.js';
import { createDashboardRoutes } from './dashboard-routes.js';
import type { DashboardWork } from './dashboard-state.js';
import { createRequestLog } from './request-log.js';

describe('GET /_emulator/dashboard/state', () => {
  it('pages and filters jobs of every partition and dialect, newest first', async () => {
    const emulator = createEmulatorCore({ clock: 'manual', quota: 'none', logLevel: 'silent' });
    const create = (i: number) =>
      i % 3 === 2
        ? emulator.app.request('/openai/v1/video/generations/jobs?api-version=preview', {
            method: 'POST',
            headers: { 'api-key': 'az-key-1', 'content-type': 'application/json' },
            body: JSON.stringify({
              model: 'sora',
              prompt: `job ${i}`,
              width: 480,
              height: 480,
              n_seconds: 5,
            }),
          })
        : emulator.app.request(i % 3 === 0 ? '/v1/videos' : '/openai/v1/videos', {
            method: 'POST',
            headers: {
              ...(i % 3 === 0 ? { authorization: 'Bearer sk-openai-1' } : { 'api-key': 'az-key-1' }),
              'content-type': 'application/json',
            },
            body: JSON.stringify({ prompt: `job ${i}`, model: 'sora-2' }),
          });
    const ids: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const res = await create(i);
      expect(res.status).toBeLessThan(300);
      ids.push(((await res.json()) as { id: string }).id);
      emulator.clock.advance(1_000);
    }
    const state = async (query: string) =>
      (await (await emulator.app.request(`/_emulator/dashboard/state?${query}`)).json()) as {
        jobs: {
          total: number;
          matching: number;
          data: { id: string; dialect: string; status: string; partition_label: string }[];
        };
      };
    const first = await state('limit=100');
    expect(first.jobs.total).toBe(1500);
    expect(first.jobs.data.map((j) => j.id)).toEqual(ids.slice(-100).reverse());
    const page3 = await state('limit=100&offset=200');
    expect(page3.jobs.data.map((j) => j.id)).toEqual(ids.slice(-300, -200).reverse());
    const sora1 = await state('dialect=azure-sora1&limit=500');
    expect(sora1.jobs.matching).toBe(500);
    expect(new Set(sora1.jobs.data.map((j) => j.dialect))).toEqual(new Set(['azure-sora1']));
    const openai = await state(`partition=${encodeURIComponent('openai:sk-openai-1')}&limit=1`);
    expect(openai.jobs.matching).toBe(500);
    expect(openai.jobs.data[0]?.partition_label).toBe('openai:sk-ope*****');
    const succeeded = await state('status=succeeded&limit=500');
    expect(succeeded.jobs.data.every((j) => j.status === 'succeeded')).toBe(true);
    expect(succeeded.jobs.matching).toBeGreaterThan(1000);
  });

  it('counts the unfinished jobs of each partition against the quota policy until they settle', async () => {
    const emulator = createEmulatorCore({ clock: 'manual', quota: 'concurrent:2', logLevel: 'silent' });
    for (let i = 0; i < 2; i++) {
      const res = await emulator.app.request('/openai/v1/video/generations/jobs?api-version=preview', {
        method: 'POST',
        headers: { 'api-key': 'az-quota-1', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'sora', prompt: `quota ${i}`, width: 480, height: 480, n_seconds: 5 }),
      });
      expect(res.status).toBeLessThan(300);
    }
    const quota = async () =>
      ((await (await emulator.app.request('/_emulator/dashboard/state')).json()) as { quota: unknown }).quota;
    expect(await quota()).toEqual({
      policy: { mode: 'concurrent', maxConcurrent: 2 },
      partitions: [
        {
          partition: 'azure:az-quota-1',
          family: 'sora1',
          running: 2,
          partition_label: 'azure:az-quo****',
          limit: 2,
        },
      ],
    });
    // Every unfinished phase holds a slot, not only queued and running.
    const statuses = async () =>
      (
        (await (await emulator.app.request('/_emulator/dashboard/state')).json()) as {
          jobs: { data: { status: string }[] };
        }
      ).jobs.data.map((job) => job.status);
    const seen = new Set<string>();
    while (!(await statuses()).every((status) => status === 'succeeded')) {
      const now = await statuses();
      for (const status of now) seen.add(status);
      if (now.every((status) => status !== 'succeeded')) {
        expect((await quota()) as object).toMatchObject({ partitions: [{ running: 2 }] });
      }
      emulator.clock.advance(250);
    }
    expect([...seen].filter((status) => status !== 'queued' && status !== 'running').length).toBeGreaterThan(
      0,
    );
    expect(await quota()).toEqual({ policy: { mode: 'concurrent', maxConcurrent: 2 }, partitions: [] });
  });
});

describe('dashboard lineage', () => {
  it('shows remix, edit and extension lineage of Sora 2 videos (an extension of an extension counts 2)', async () => {
    const emulator = createEmulatorCore({ clock: 'manual', quota: 'none', logLevel: 'silent' });
    const post = async (path: string, body: unknown) => {
      const res = await emulator.app.request(`/v1${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-lineage', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return ((await res.json()) as { id: string }).id;
    };
    const source = await post('/videos', { prompt: 'source', model: 'sora-2' });
    emulator.clock.advance(3_600_000);
    const remix = await post(`/videos/${source}/remix`, { prompt: 'remixed' });
    const edit = await post('/videos/edits', { prompt: 'edited', video: { id: source } });
    const extension = await post('/videos/extensions', {
      prompt: 'longer',
      seconds: '4',
      video: { id: source },
    });
    emulator.clock.advance(3_600_000);
    const again = await post('/videos/extensions', {
      prompt: 'longer still',
      seconds: '4',
      video: { id: extension },
    });
    const res = await emulator.app.request('/_emulator/dashboard/state?limit=10');
    const state = (await res.json()) as { jobs: { data: { id: string; lineage: unknown }[] } };
    const lineage = Object.fromEntries(state.jobs.data.map((j) => [j.id, j.lineage]));
    expect(lineage).toEqual({
      [source]: null,
      [remix]: { kind: 'remix', source_id: source },
      [edit]: { kind: 'edit', source_id: source },
      [extension]: { kind: 'extension', source_id: source, extension_count: 1, segments: 2 },
      [again]: { kind: 'extension', source_id: extension, extension_count: 2, segments: 3 },
    });
  });
});

describe('dashboard state with 10,000 jobs', () => {
  it('answers one page: rows are built for the page only, whatever the job count', async () => {
    const emulator = createEmulatorCore({ clock: 'manual', quota: 'none', logLevel: 'silent' });
    const kinds: JobKind[] = ['sora2', 'sora1'];
    for (let i = 0; i < 10_000; i++) {
      const kind = kinds[i % 2] as JobKind;
      emulator.engine.createJob(
        testJobInput(kind === 'sora1' ? `azure:big-${i % 7}` : `openai:big-${i % 5}`, kind),
      );
      if (i % 100 === 0) emulator.clock.advance(1_000);
    }
    const work: DashboardWork = { rows: 0, scanned: 0 };
    const routes = createDashboardRoutes(emulator, {
      requests: createRequestLog(),
      fetch: (request) => emulator.app.fetch(request),
      work,
    });
    const state = async (query: string) => {
      const res = await routes.request(`/_emulator/dashboard/state?${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        jobs: { total: number; matching: number; offset: number; limit: number; data: { id: string }[] };
      };
    };
    const first = await state('');
    expect(first.jobs.total).toBe(10_000);
    expect(first.jobs.matching).toBe(10_000);
    expect(first.jobs.data).toHaveLength(50); // the default page size
    expect(work).toEqual({ rows: 50, scanned: 10_000 });

    const deep = await state('offset=9900&limit=500');
    expect(deep.jobs.data).toHaveLength(100); // the last page holds what is left
    expect(work.rows).toBe(150);

    const capped = await state('limit=100000');
    expect(capped.jobs.limit).toBe(500);
    expect(capped.jobs.data).toHaveLength(500);
    expect(work.rows).toBe(650);

    const sora1 = await state('dialect=azure-sora1&limit=200');
    expect(sora1.jobs.matching).toBe(5_000);
    expect(sora1.jobs.data).toHaveLength(200);
    expect(work.rows).toBe(850);
    expect(new Set([...first.jobs.data, ...deep.jobs.data].map((j) => j.id)).size).toBe(150);
  });
});
