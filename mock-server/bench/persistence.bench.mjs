// The durable store (--data) against the in-memory one, in one process over the emulator's app
// (`app.request`: the whole Hono stack, no socket): create and status-poll throughput with
// --data vs in memory (rounds interleaved), restart time with 100,000 stored jobs against
// building the same emulator from jobs already in memory, and the database size per job.
// Results go to docs/benchmarks.md between the persistence markers.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmulatorData } from '../dist/data.js';
import { createEmulator, createMemoryStore } from '../dist/index.js';
import { fixed, interleaved, machine, median, writeSection } from './bench-report.mjs';

const loadBefore = loadavg()[0];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
const POLLS = Number(process.env.BENCH_POLLS ?? 5000);
const RESTART_JOBS = Number(process.env.BENCH_RESTART_JOBS ?? 100_000);
const RESTARTS = 3;
const AUTH = { authorization: 'Bearer sk-bench', 'content-type': 'application/json' };
const BODY = JSON.stringify({
  model: 'sora-2',
  prompt: 'a red balloon over a lake',
  seconds: '4',
  size: '1280x720',
});
const dirs = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sora-bench-data-'));
  dirs.push(dir);
  return dir;
};
const options = { clock: 'manual', quota: 'none', logLevel: 'error', seed: 'bench', renderWorkers: 0 };
const create = (emulator) =>
  emulator.app.request('/v1/videos', { method: 'POST', headers: AUTH, body: BODY });
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Runs `run` `times` times; returns operations per CPU-second and per wall second. */
async function rate(run, times) {
  const cpu = cpuMs();
  const wall = performance.now();
  for (let i = 0; i < times; i++) await run(i);
  return { cpu: (times * 1000) / (cpuMs() - cpu), wall: (times * 1000) / (performance.now() - wall) };
}
/** `interleaved` over {cpu, wall} results: the ratios by CPU (the verdict) and by wall clock. */
async function compare(rounds, subject, reference) {
  const results = { subject: [], reference: [] };
  const cpu = await interleaved(
    rounds,
    async () => {
      const r = await subject();
      results.subject.push(r);
      return r.cpu;
    },
    async () => {
      const r = await reference();
      results.reference.push(r);
      return r.cpu;
    },
  );
  const wallRatios = results.subject.map((r, i) => r.wall / results.reference[i].wall);
  return {
    ...cpu,
    wall: {
      subjects: results.subject.map((r) => r.wall),
      references: results.reference.map((r) => r.wall),
      ratio: median(wallRatios),
      ratios: wallRatios,
    },
  };
}

// 1. Creates: a fresh emulator per round on each side (the durable one in a new directory).
const createOnce = (emulator) => () => create(emulator).then((r) => r.arrayBuffer());
await rate(createOnce(createEmulator(options)), 200); // warm-up of the shared code
const creates = await compare(
  ROUNDS,
  async () => {
    const data = openEmulatorData(tempDir());
    const result = await rate(createOnce(createEmulator({ ...options, persistence: data })), CREATES);
    data.close();
    return result;
  },
  () => rate(createOnce(createEmulator(options)), CREATES),
);

// 2. Polls of one completed video: reads come from memory on both sides.
const pollTarget = async (persistence) => {
  const emulator = createEmulator({ ...options, ...(persistence ? { persistence } : {}) });
  const video = await (await create(emulator)).json();
  emulator.clock.advance(60_000);
  const poll = () =>
    Promise.resolve(emulator.app.request(`/v1/videos/${video.id}`, { headers: AUTH })).then((r) =>
      r.arrayBuffer(),
    );
  return () => rate(poll, POLLS);
};
const durablePoll = await pollTarget(openEmulatorData(tempDir()));
const memoryPoll = await pollTarget(null);
await durablePoll();
await memoryPoll();
const polls = await compare(ROUNDS, durablePoll, memoryPoll);

// 3. Restart with RESTART_JOBS stored jobs (Sora 2 and Sora 1 mixed, 100 partitions).
const restartDir = tempDir();
const fillStart = performance.now();
{
  const data = openEmulatorData(restartDir);
  const emulator = createEmulator({ ...options, persistence: data });
  for (let i = 0; i < RESTART_JOBS; i++) {
    emulator.engine.createJob({
      partition: `openai:sk-${i % 100}`,
      kind: i % 5 === 0 ? 'sora1' : 'sora2',
      prompt: `job ${i}: a red balloon over a lake`,
      model: i % 5 === 0 ? 'sora' : 'sora-2',
      width: 1280,
      height: 720,
      seconds: 4,
      ...(i % 5 === 0 ? { variants: 2 } : {}),
    });
    if (i % 1000 === 999) emulator.clock.advance(1000);
  }
  data.close();
}
const fillSeconds = (performance.now() - fillStart) / 1000;
const dbBytes = statSync(join(restartDir, 'emulator.db')).size;
const memoryRecords = [];
{
  const data = openEmulatorData(restartDir);
  for (const partition of data.store.partitions()) memoryRecords.push(...data.store.list(partition));
  data.close();
}
const openTimes = [];
const restartCpu = [];
const restart = await interleaved(
  RESTARTS,
  async () => {
    const start = performance.now();
    const cpu = cpuMs();
    const data = openEmulatorData(restartDir);
    openTimes.push(performance.now() - start);
    const emulator = createEmulator({ ...options, persistence: data });
    const res = await emulator.app.request('/v1/videos?limit=20', {
      headers: { authorization: 'Bearer sk-7' },
    });
    await res.arrayBuffer();
    const ms = performance.now() - start;
    restartCpu.push(cpuMs() - cpu);
    data.close();
    return ms;
  },
  async () => {
    // Reference: the same emulator built over a store that already holds the records in memory.
    const store = createMemoryStore();
    for (const record of memoryRecords) store.put(record);
    const start = performance.now();
    const emulator = createEmulator({ ...options, store });
    const res = await emulator.app.request('/v1/videos?limit=20', {
      headers: { authorization: 'Bearer sk-7' },
    });
    await res.arrayBuffer();
    return performance.now() - start;
  },
);
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

const verdict = (ratio, goal) => (ratio >= goal ? 'met' : 'not met');
const restartMs = median(restart.subjects);
const list = (values, digits = 0) => values.map((v) => fixed(v, digits)).join(', ');
writeSection('persistence', [
  '## Persistence: `--data` (SQLite) vs in memory',
  '',
  'Command: `node mock-server/bench/persistence.bench.mjs` after `npm run build -w @sora-kit/emulator` (also part of',
  '`npm run bench -w @sora-kit/emulator`). One process, the emulator app through `app.request` (the whole Hono stack, no',
  `socket), manual clock, quota \`none\`. Creates: ${CREATES} sequential \`POST /v1/videos\` per round on a fresh emulator,`,
  `in memory vs with \`persistence: openEmulatorData(newDir)\`; polls: ${POLLS} \`GET /v1/videos/{id}\` of one completed video`,
  `per round. ${ROUNDS} rounds, the two sides alternating; the verdicts use the median of the per-round ratios. Restart:`,
  `open a data directory holding ${RESTART_JOBS.toLocaleString('en-US')} jobs (4 in 5 Sora 2, 1 in 5 Sora 1 with 2 variants, 100 credentials), build`,
  'the emulator (engine indexes included) and answer a first list page; the reference builds the same emulator over a',
  `store already holding those records in memory (${RESTARTS} rounds each, medians).`,
  '',
  `Machine: ${machine()}; 1-minute load average ${fixed(loadBefore, 1)} at the start and ${fixed(loadavg()[0], 1)} at the end (other work on the machine stretches wall times; CPU times are steadier).`,
  '',
  '| measure | --data | in memory | ratio | goal |',
  '| --- | --- | --- | --- | --- |',
  `| creates per CPU-second | ${fixed(median(creates.subjects), 0)} | ${fixed(median(creates.references), 0)} | ${fixed(creates.ratio)} | >= 0.5: ${verdict(creates.ratio, 0.5)} |`,
  `| creates per second (wall) | ${fixed(median(creates.wall.subjects), 0)} | ${fixed(median(creates.wall.references), 0)} | ${fixed(creates.wall.ratio)} | (shown) |`,
  `| status polls per CPU-second | ${fixed(median(polls.subjects), 0)} | ${fixed(median(polls.references), 0)} | ${fixed(polls.ratio)} | >= 0.9: ${verdict(polls.ratio, 0.9)} |`,
  `| status polls per second (wall) | ${fixed(median(polls.wall.subjects), 0)} | ${fixed(median(polls.wall.references), 0)} | ${fixed(polls.wall.ratio)} | (shown) |`,
  `| restart with ${RESTART_JOBS.toLocaleString('en-US')} jobs (ms) | ${fixed(restartMs, 0)} | ${fixed(median(restart.references), 0)} (build from memory) | ${fixed(restart.ratio)} | < 2000 ms: ${restartMs < 2000 ? 'met' : 'not met'} |`,
  `| restart CPU time (ms) | ${fixed(median(restartCpu), 0)} | — | — | < 2000 ms of CPU: ${median(restartCpu) < 2000 ? 'met' : 'not met'} |`,
  `| database size per job (bytes) | ${fixed(dbBytes / RESTART_JOBS, 0)} | — | — | — |`,
  '',
  '- "Per CPU-second" divides the operations by the process\'s user + system CPU time during the round',
  '  (`process.cpuUsage()`): on a machine shared with other work it is far steadier than wall-clock rates, which are',
  "  shown too. The commit's `write()` into the WAL is system time, so it is counted.",
  `- Per round, creates per CPU-second with --data: ${list(creates.subjects)}; in memory: ${list(creates.references)} (ratios ${list(creates.ratios, 2)}; wall ${list(creates.wall.ratios, 2)}).`,
  `- Per round, polls per CPU-second with --data: ${list(polls.subjects)}; in memory: ${list(polls.references)} (ratios ${list(polls.ratios, 2)}; wall ${list(polls.wall.ratios, 2)}).`,
  `- Restart per round (ms): ${list(restart.subjects)}, of which opening the database (load and decode every record) ${list(openTimes)}; reference ${list(restart.references)}. Filling the directory with ${RESTART_JOBS.toLocaleString('en-US')} creates (one committed transaction each) took ${fixed(fillSeconds, 1)} s; \`emulator.db\` is ${fixed(dbBytes / 1024 / 1024, 1)} MiB after close (WAL checkpointed).`,
  '- Each create is one SQLite transaction (record, id stream positions, clock) committed in WAL mode with',
  '  `synchronous = NORMAL` before the answer; polls never touch the database (reads are served from memory).',
]);
