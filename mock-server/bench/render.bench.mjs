// Renders: status-poll latency while a first 1080p 20 s video renders (server in a child process,
// autocannon over loopback), first stills against a whole 4 s video render, and one job's full
// lifecycle with the manual clock. Results go to docs/benchmarks.md between the render markers.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fixed, interleaved, machine, median, timeEach, writeSection } from './bench-report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const JOBS = '/openai/v1/video/generations/jobs';
const AZURE = { 'api-key': 'bench-render', 'content-type': 'application/json' };

if (process.argv[2] === '--server') {
  const { createEmulator } = await import('../dist/index.js');
  const emulator = createEmulator({
    clock: 'manual',
    quota: 'none',
    logLevel: 'error',
    seed: 'bench-render',
  });
  const server = await emulator.listen(0);
  process.on('message', async (message) => {
    if (message === 'job') {
      // A fresh 1920x1080 20 s job, completed, whose video is not rendered yet.
      const res = await emulator.app.request(`${JOBS}?api-version=preview`, {
        method: 'POST',
        headers: AZURE,
        body: JSON.stringify({
          model: 'sora',
          prompt: 'a red balloon',
          width: 1920,
          height: 1080,
          n_seconds: 20,
        }),
      });
      const job = await res.json();
      emulator.clock.advance(3_600_000 - 1);
      const done = await (
        await emulator.app.request(`${JOBS}/${job.id}?api-version=preview`, { headers: AZURE })
      ).json();
      process.send?.({ url: server.url, jobId: job.id, generationId: done.generations[0].id });
    }
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const { default: autocannon } = await import('autocannon');
  const child = fork(fileURLToPath(import.meta.url), ['--server'], { stdio: 'inherit' });
  const nextJob = () =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send('job');
    });
  const polls = (url, jobId, duration) =>
    autocannon({
      url: `${url}${JOBS}/${jobId}?api-version=preview`,
      headers: AZURE,
      connections: 4,
      duration,
    });

  // 1. Poll latency: idle, then while the first download of a new job renders.
  const idleP99 = [];
  const busyP99 = [];
  const renderMs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { url, jobId, generationId } = await nextJob();
    idleP99.push((await polls(url, jobId, 1)).latency.p99);
    const start = performance.now();
    const download = fetch(
      `${url}/openai/v1/video/generations/${generationId}/content/video?api-version=preview`,
      {
        headers: AZURE,
      },
    ).then(async (res) => {
      const bytes = (await res.arrayBuffer()).byteLength;
      renderMs.push(performance.now() - start);
      return bytes;
    });
    busyP99.push((await polls(url, jobId, 1)).latency.p99);
    await download;
    console.log(
      `round ${round + 1}: poll p99 idle ${idleP99.at(-1)} ms, during render ${busyP99.at(-1)} ms, render ${renderMs.at(-1).toFixed(0)} ms`,
    );
  }
  child.disconnect();
  const pollRatios = busyP99.map((p, i) => Math.max(p, 1) / Math.max(idleP99[i], 1));

  // 2. First stills vs the whole video, in this process, each with a new seed (nothing cached).
  const { renderMediaJob } = await import('../dist/media/render-media.js');
  const scene = (round, variant) => ({
    variant,
    width: 720,
    height: 1280,
    seconds: 4,
    audio: true,
    seed: `video_bench_${variant}_${round}`,
    caption: 'a red balloon over a lake',
    label: `video_bench_${round}`,
  });
  // Warm-up: a few renders of each kind (new seeds), so no measured round pays for JIT compilation
  // (whose compiler threads count in this process's CPU time).
  for (let k = 1; k <= 3; k++)
    for (const variant of ['video', 'thumbnail', 'spritesheet']) await renderMediaJob(scene(-k, variant));
  const STILL_ROUNDS = ROUNDS * 3; // stills and a 4 s video are cheap now: more rounds, steadier medians
  // Each render's wall time (returned) and this process's CPU time (user + system, pushed to `cpu`):
  // renders run on this thread, and on a shared machine CPU time is far steadier than wall time.
  const measured = (cpu, run) => async (round) => {
    const before = process.cpuUsage();
    const wall = await timeEach(() => run(round), 1);
    const { user, system } = process.cpuUsage(before);
    cpu.push((user + system) / 1000);
    return wall;
  };
  const stills = async (variant, videoOffset) => {
    const cpu = { subjects: [], references: [] };
    const wall = await interleaved(
      STILL_ROUNDS,
      measured(cpu.subjects, (round) => renderMediaJob(scene(round, variant))),
      measured(cpu.references, (round) => renderMediaJob(scene(round + videoOffset, 'video'))),
    );
    const ratios = cpu.subjects.map((value, i) => value / cpu.references[i]);
    return { ...wall, cpu: { ...cpu, ratios, ratio: median(ratios) } };
  };
  const thumb = await stills('thumbnail', 0);
  const sheet = await stills('spritesheet', 1000);

  // 3. One job's lifecycle with the manual clock, in-process: create, complete, download, expire.
  const { createEmulator } = await import('../dist/index.js');
  const life = createEmulator({ clock: 'manual', quota: 'none', logLevel: 'error', seed: 'bench-life' });
  const openai = { authorization: 'Bearer sk-life', 'content-type': 'application/json' };
  const lifecycle = async () => {
    const created = await life.app.request('/v1/videos', {
      method: 'POST',
      headers: openai,
      body: JSON.stringify({ prompt: 'a red balloon over a lake' }),
    });
    const { id } = await created.json();
    life.control.advanceClock(600_000);
    const done = await (await life.app.request(`/v1/videos/${id}`, { headers: openai })).json();
    if (done.status !== 'completed') throw new Error(`not completed: ${done.status}`);
    await (await life.app.request(`/v1/videos/${id}/content`, { headers: openai })).arrayBuffer();
    life.control.advanceClock(25 * 3_600_000);
    const gone = await life.app.request(`/v1/videos/${id}`, { headers: openai });
    if (gone.status !== 404) throw new Error(`not expired: ${gone.status}`);
  };
  // The first job of a fresh process also starts the render worker and warms its JIT: reported on
  // its own. The figure is the per-job median of the jobs after it (wall and this process's CPU,
  // which counts the render worker's thread too).
  const firstLifeMs = await timeEach(lifecycle, 1);
  const lifeMs = [];
  const lifeCpu = [];
  await measured(lifeCpu, lifecycle)(0); // a second job, not counted: the worker's JIT is still warming
  lifeCpu.length = 0;
  for (let round = 0; round < ROUNDS; round++) lifeMs.push(await measured(lifeCpu, lifecycle)(round));
  await life.close();

  // 4. Where a still's time goes, against a default video's parts: each step alone, the fastest of
  // 25 runs after 5 warm-ups (the floor this code reaches when the machine lets it run).
  const { createScene, createCanvasFor, resolveSceneOptions } = await import('../dist/media/scene.js');
  const { createH264Encoder } = await import('../dist/media/h264-encoder.js');
  const { indexI420Colours } = await import('../dist/media/image/vp8l-color-indexing.js');
  const { findBackwardReferences } = await import('../dist/media/image/vp8l-backward-references.js');
  const { encodeWebpI420 } = await import('../dist/media/image/webp-encoder.js');
  const fastest = (run) => {
    const times = [];
    for (let k = 0; k < 30; k++) {
      const start = performance.now();
      run(k);
      if (k >= 5) times.push(performance.now() - start);
    }
    return Math.min(...times);
  };
  const sceneOf = (k) => ({ ...scene(5000 + k, 'video'), seed: `phase_${k}` });
  const frame0 = createScene(sceneOf(0)).frameAt(0);
  const indexed = indexI420Colours(frame0);
  const words = new Uint32Array(frame0.y.buffer, 0, frame0.y.length >> 2);
  const phases = {
    readFrame: fastest(() => {
      let sum = 0;
      for (let i = 0; i < words.length; i++) sum = (sum + words[i]) | 0;
      return sum;
    }),
    frameAt0: fastest((k) => createScene(sceneOf(k)).frameAt(0)),
    index: fastest(() => indexI420Colours(frame0)),
    lz77: fastest(() => findBackwardReferences(indexed.packed, indexed.packedWidth)),
    webp: fastest(() => encodeWebpI420(frame0)),
    idr: fastest((k) => {
      const canvas = createCanvasFor(resolveSceneOptions(sceneOf(k)));
      createH264Encoder({ width: 720, height: 1280, fps: 30 }).encode(canvas.planes);
    }),
    video: fastest((k) => {
      const canvas = createCanvasFor(resolveSceneOptions(sceneOf(k)));
      const encoder = createH264Encoder({ width: 720, height: 1280, fps: 30 });
      encoder.encode(canvas.planes);
      for (let i = 1; i < 120; i++) encoder.encode(canvas.planes, canvas.seek(i));
    }),
  };

  const list = (values, digits = 2) => values.map((v) => fixed(v, digits)).join(', ');
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const pollRatio = median(pollRatios);
  const lines = [
    '## Renders: polls during a render, first stills, one job’s lifecycle',
    '',
    'Command: `npm run bench -w @sora-kit/emulator` (file: `mock-server/bench/render.bench.mjs`, built `dist/`).',
    `Poll latency: the emulator (default render pool) serves in a child process; each of ${ROUNDS} rounds creates a new`,
    'Azure Sora 1 job of 1920x1080, 20 s, completes it with the manual clock, runs 1 s of autocannon polls of the job',
    '(4 connections) while idle, then starts the first download of its video (an uncached render) and runs 1 s of polls',
    'again at once. Ratio: p99 during the render over idle p99, per round (autocannon reports whole ms; 0 counts as 1).',
    'Stills: `renderMediaJob` in one process, a new seed every time (nothing cached), 720x1280 (the default size),',
    `after 3 warm-up renders of each kind, ${ROUNDS * 3} rounds alternating still and whole 4 s video (with audio); the ratio is the median of per-round ratios of`,
    'this process’s CPU time (user + system; the renders run on this thread), with the wall-time ratio beside it.',
    'Lifecycle: in-process `app.request` on an emulator with the default render pool: create (default size), advance 10 min,',
    'poll, download the MP4 (rendered on the worker), advance 25 h, poll (404). The first job of the process (which starts',
    'the worker) is reported apart; the figure is the median over the next jobs, wall time and process CPU time (all threads).',
    '',
    `Machine: ${machine()}.`,
    '',
    '| figure | subject | reference | ratio (median of rounds) | goal |',
    '| --- | --- | --- | --- | --- |',
    `| status poll p99 while a first 1080p 20 s video renders | ${median(busyP99)} ms | idle: ${median(idleP99)} ms | ${fixed(pollRatio)} | <= 3 |`,
    `| first 720x1280 WebP thumbnail / whole 4 s video (CPU) | ${fixed(median(thumb.cpu.subjects), 0)} ms | ${fixed(median(thumb.cpu.references), 0)} ms | ${fixed(thumb.cpu.ratio)} (wall ${fixed(thumb.ratio)}) | <= 0.1 |`,
    `| first spritesheet / whole 4 s video (CPU) | ${fixed(median(sheet.cpu.subjects), 0)} ms | ${fixed(median(sheet.cpu.references), 0)} ms | ${fixed(sheet.cpu.ratio)} (wall ${fixed(sheet.ratio)}) | <= 0.2 |`,
    `| full lifecycle per job, manual clock | ${fixed(median(lifeMs), 0)} ms wall, ${fixed(median(lifeCpu), 0)} ms CPU | first job of the process: ${fixed(firstLifeMs, 0)} ms | — | < 50 ms |`,
    '',
    `- Poll p99 during a render: ${fixed(pollRatio)}x idle (per round ${list(pollRatios)}; p99 idle ${idleP99.join(', ')} ms, during ${busyP99.join(', ')} ms; the 1080p 20 s render took ${list(renderMs, 0)} ms) — ${met(pollRatio <= 3)}.`,
    `- Thumbnail: ${fixed(thumb.cpu.ratio)} of the video render's CPU time (per round ${list(thumb.cpu.ratios)}; wall ${fixed(thumb.ratio)}, per round ${list(thumb.ratios)}) — ${met(thumb.cpu.ratio <= 0.1)}.`,
    `- Spritesheet: ${fixed(sheet.cpu.ratio)} of the video render's CPU time (per round ${list(sheet.cpu.ratios)}; wall ${fixed(sheet.ratio)}, per round ${list(sheet.ratios)}) — ${met(sheet.cpu.ratio <= 0.2)}.`,
    `- Floors (fastest of 25 runs of each step alone, 720x1280): reading the luma plane once as 32-bit words ${fixed(phases.readFrame)} ms; scene frame 0 (canvas and copy) ${fixed(phases.frameAt0)} ms; VP8L colour indexing from I420 ${fixed(phases.index)} ms; LZ77 of the indices ${fixed(phases.lz77)} ms; whole WebP from the frame ${fixed(phases.webp)} ms; the video's IDR picture (canvas + encode) ${fixed(phases.idr)} ms; all 120 pictures (no MP4 muxing) ${fixed(phases.video)} ms.`,
    `- Lifecycle: ${fixed(median(lifeMs), 0)} ms wall (per round ${list(lifeMs, 0)}), ${fixed(median(lifeCpu), 0)} ms CPU (per round ${list(lifeCpu, 0)}); first job of the process ${fixed(firstLifeMs, 0)} ms — ${met(median(lifeMs) < 50)} (wall), ${met(median(lifeCpu) < 50)} (CPU).`,
  ];
  writeSection('render', lines);
  process.exit(0);
}
