// HTTP throughput of the emulator with autocannon: status polls (Sora 2 GET /v1/videos/{id} and
// Sora 1 GET /openai/v1/video/generations/jobs/{id}) and
// creates (POST /v1/videos), against a bare Hono route served by the same node server in the
// same run, plus create cost with 100 vs 5,000 jobs already stored in the partition. The server
// runs in a child process so autocannon does not share its event loop. Loopback only. Results
// go to docs/benchmarks.md between the server markers.
import { fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const docs = join(here, '..', '..', 'docs', 'benchmarks.md');
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCALE_JOBS = [100, 5000];
const SCALE_CREATES = 1000;
const SCALE_ROUNDS = 3;
const CONNECTIONS = 10;
const AUTH = { authorization: 'Bearer sk-bench', 'content-type': 'application/json' };
const SORA1_AUTH = { 'api-key': 'sk-bench', 'content-type': 'application/json' };
const SORA1_JOBS = '/openai/v1/video/generations/jobs';
const SORA1_CREATE_BODY = JSON.stringify({
  model: 'sora',
  prompt: 'a red balloon over a lake',
  width: 480,
  height: 480,
  n_seconds: 5,
});
const CREATE_BODY = JSON.stringify({
  model: 'sora-2',
  prompt: 'a red balloon over a lake',
  seconds: '4',
  size: '1280x720',
});

/** The headers a route sets (not the ones node:http adds). */
const wireHeaders = (response) =>
  Object.fromEntries(
    [...response.headers].filter(
      ([name]) => !['content-length', 'date', 'connection', 'keep-alive'].includes(name),
    ),
  );

if (process.argv[2] === '--server') {
  // Child: one node server; /bare is a bare Hono route, everything else is the emulator's app.
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const { createEmulator } = await import('../dist/index.js');
  const emulator = createEmulator({ clock: 'manual', quota: 'none', logLevel: 'error', seed: 'bench' });
  // The poll's exact answer (body and headers), served by a bare route as a third reference.
  let pollBody = '';
  let pollHeaders = {};
  let sora1PollBody = '';
  let sora1PollHeaders = {};
  let createBody = '';
  let createHeaders = {};
  const bare = new Hono()
    .get('/bare/video', (c) => c.body(pollBody, 200, pollHeaders))
    // The Sora 1 poll's exact answer.
    .get('/bare/sora1', (c) => c.body(sora1PollBody, 200, sora1PollHeaders))
    // The create's exact answer after reading and parsing the same JSON body.
    .post('/bare/video', async (c) => {
      await c.req.json();
      return c.body(createBody, 200, createHeaders);
    })
    .get('/bare', (c) =>
      c.json({
        id: 'video_0123456789abcdef0123456789abcdef',
        object: 'video',
        status: 'completed',
        progress: 100,
      }),
    )
    // The create reference: read a JSON body, answer a small JSON object.
    .post('/bare', async (c) => {
      const body = await c.req.json();
      return c.json({
        id: 'video_0123456789abcdef0123456789abcdef',
        object: 'video',
        status: 'queued',
        prompt: body.prompt,
      });
    });
  const server = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: (request, env) =>
      /\/bare(\/video|\/sora1)?$/.test(request.url)
        ? bare.fetch(request, env)
        : emulator.app.fetch(request, env),
  });
  server.once('listening', async () => {
    const base = `http://127.0.0.1:${server.address().port}`;
    const created = await fetch(`${base}/v1/videos`, { method: 'POST', headers: AUTH, body: CREATE_BODY });
    createBody = await created.text();
    createHeaders = wireHeaders(created);
    const video = JSON.parse(createBody);
    const sora1Created = await fetch(`${base}${SORA1_JOBS}?api-version=preview`, {
      method: 'POST',
      headers: SORA1_AUTH,
      body: SORA1_CREATE_BODY,
    });
    const sora1Job = await sora1Created.json();
    emulator.clock.advance(60_000); // the polled videos are completed: the full objects are rendered
    const polled = await fetch(`${base}/v1/videos/${video.id}`, { headers: AUTH });
    pollBody = await polled.text();
    pollHeaders = wireHeaders(polled);
    const sora1Polled = await fetch(`${base}${SORA1_JOBS}/${sora1Job.id}?api-version=preview`, {
      headers: SORA1_AUTH,
    });
    sora1PollBody = await sora1Polled.text();
    sora1PollHeaders = wireHeaders(sora1Polled);
    if (JSON.parse(sora1PollBody).status !== 'succeeded') throw new Error(`Sora 1 poll: ${sora1PollBody}`);
    process.send?.({ base, videoId: video.id, sora1JobId: sora1Job.id });
  });
  // Create scaling: a fresh emulator on its own port, its partition holding `jobs` jobs.
  let scaledServer = null;
  process.on('message', async (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    } else if (message?.scale !== undefined) {
      await scaledServer?.close();
      const scaled = createEmulator({
        clock: 'manual',
        quota: 'none',
        logLevel: 'error',
        seed: 'bench-scale',
      });
      for (let i = 0; i < message.scale; i++) {
        const res = await scaled.app.request('/v1/videos', {
          method: 'POST',
          headers: AUTH,
          body: CREATE_BODY,
        });
        if (res.status !== 200) throw new Error(`prefill create answered ${res.status}`);
      }
      scaledServer = await scaled.listen(0);
      process.send?.({ scaleUrl: scaledServer.url });
    }
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const { default: autocannon } = await import('autocannon');
  const loadAtStart = loadavg()[0] ?? 0;
  const child = fork(fileURLToPath(import.meta.url), ['--server'], { stdio: 'inherit' });
  const { base, videoId, sora1JobId } = await new Promise((resolve) => child.once('message', resolve));

  const ask = (message, key) =>
    new Promise((resolve) => {
      const onMessage = (reply) => {
        if (reply?.[key] === undefined) return;
        child.off('message', onMessage);
        resolve(reply[key]);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  const serverCpu = () => ask('cpu', 'cpuMicros');
  const measure = async (options, duration) => {
    const cpuBefore = await serverCpu();
    const result = await autocannon({
      ...options,
      connections: CONNECTIONS,
      ...(typeof duration === 'number' ? { duration } : duration),
    });
    const cpuSeconds = ((await serverCpu()) - cpuBefore) / 1e6;
    return {
      perCpuSecond: result.requests.total / cpuSeconds,
      // autocannon stops a run of a fixed `amount` on its 1 s tick: no wall rate for those.
      rps: typeof duration === 'number' ? result.requests.total / result.duration : Number.NaN,
      p50: result.latency.p50,
      p99: result.latency.p99,
      bad: result.non2xx + result.errors + result.timeouts,
      total: result.requests.total,
    };
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const summarize = (title, runs) => ({
    title,
    runs,
    rps: median(runs.map((r) => r.rps)),
    perCpuSecond: median(runs.map((r) => r.perCpuSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    bad: runs.reduce((sum, r) => sum + r.bad, 0),
    total: runs.reduce((sum, r) => sum + r.total, 0),
  });

  const bareOptions = { url: `${base}/bare` };
  const pollOptions = { url: `${base}/v1/videos/${videoId}`, headers: AUTH };
  await measure(bareOptions, 1); // warm-up
  await measure(pollOptions, 1);
  const sora1Options = { url: `${base}${SORA1_JOBS}/${sora1JobId}?api-version=preview`, headers: SORA1_AUTH };
  const sora1SameBytesOptions = { url: `${base}/bare/sora1`, headers: SORA1_AUTH };
  await measure(sora1Options, 1);
  // Bare and poll alternate, round by round, so load from other processes hits both alike; the
  // ratio is the median of the per-round ratios.
  const bareRuns = [];
  const pollRuns = [];
  const sameBytesRuns = [];
  const sora1Runs = [];
  const sora1SameBytesRuns = [];
  const sameBytesOptions = { url: `${base}/bare/video`, headers: AUTH };
  for (let round = 0; round < ROUNDS; round++) {
    bareRuns.push(await measure(bareOptions, DURATION_S));
    pollRuns.push(await measure(pollOptions, DURATION_S));
    sameBytesRuns.push(await measure(sameBytesOptions, DURATION_S));
    sora1Runs.push(await measure(sora1Options, DURATION_S));
    sora1SameBytesRuns.push(await measure(sora1SameBytesOptions, DURATION_S));
    const last = (runs) => runs[runs.length - 1];
    console.log(
      `round ${round + 1}: bare ${last(bareRuns).rps.toFixed(0)} req/s (${last(bareRuns).perCpuSecond.toFixed(0)} per server CPU-s), ` +
        `poll ${last(pollRuns).rps.toFixed(0)} req/s (${last(pollRuns).perCpuSecond.toFixed(0)} per server CPU-s), ` +
        `Sora 1 poll ${last(sora1Runs).rps.toFixed(0)} req/s (${last(sora1Runs).perCpuSecond.toFixed(0)} per server CPU-s)`,
    );
  }
  const createOptions = { url: `${base}/v1/videos`, method: 'POST', headers: AUTH, body: CREATE_BODY };
  const barePostOptions = { url: `${base}/bare`, method: 'POST', headers: AUTH, body: CREATE_BODY };
  // Creates alternate with a bare Hono JSON POST, like polls with the bare GET.
  const createRuns = [];
  const barePostRuns = [];
  const sameCreateRuns = [];
  const sameCreateOptions = { ...barePostOptions, url: `${base}/bare/video` };
  for (let round = 0; round < Math.max(3, Math.ceil(ROUNDS / 2)); round++) {
    barePostRuns.push(await measure(barePostOptions, DURATION_S));
    createRuns.push(await measure(createOptions, DURATION_S));
    sameCreateRuns.push(await measure(sameCreateOptions, DURATION_S));
    console.log(
      `create round ${round + 1}: bare POST ${barePostRuns.at(-1).perCpuSecond.toFixed(0)}, create ${createRuns.at(-1).perCpuSecond.toFixed(0)} per server CPU-s`,
    );
  }
  // Create scaling: the same number of creates into a partition already holding 100 or 5,000
  // jobs (quota none), alternated round by round so both see the same background load.
  const scaleRuns = new Map(SCALE_JOBS.map((jobs) => [jobs, []]));
  for (let round = 0; round < SCALE_ROUNDS; round++) {
    for (const jobs of SCALE_JOBS) {
      const url = await ask({ scale: jobs }, 'scaleUrl');
      const run = await measure(
        { url: `${url}/v1/videos`, method: 'POST', headers: AUTH, body: CREATE_BODY },
        { amount: SCALE_CREATES },
      );
      scaleRuns.get(jobs)?.push(run);
      console.log(
        `creates at ${jobs} stored jobs: p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.perCpuSecond.toFixed(0)} per server CPU-s`,
      );
    }
  }
  child.disconnect();
  const bare = summarize('bare Hono route (GET /bare)', bareRuns);
  const poll = summarize('status poll (GET /v1/videos/{id})', pollRuns);
  const sameBytes = summarize(
    "bare Hono route answering the poll's bytes and headers (GET /bare/video)",
    sameBytesRuns,
  );
  const sora1Poll = summarize('Sora 1 status poll (GET /openai/v1/video/generations/jobs/{id})', sora1Runs);
  const sora1SameBytes = summarize(
    "bare Hono route answering the Sora 1 poll's bytes and headers (GET /bare/sora1)",
    sora1SameBytesRuns,
  );
  const create = summarize('create (POST /v1/videos)', createRuns);
  const barePost = summarize('bare Hono JSON POST (POST /bare)', barePostRuns);
  const sameCreate = summarize(
    "bare Hono JSON POST answering the create's bytes and headers (POST /bare/video)",
    sameCreateRuns,
  );
  const sameCreateRatios = sameCreateRuns.map((r, i) => r.perCpuSecond / barePostRuns[i].perCpuSecond);
  const createVsSame = createRuns.map((r, i) => r.perCpuSecond / sameCreateRuns[i].perCpuSecond);
  const createRatios = createRuns.map((r, i) => r.perCpuSecond / barePostRuns[i].perCpuSecond);
  const createRatio = median(createRatios);
  const scaled = SCALE_JOBS.map((jobs) =>
    summarize(`create with ${jobs.toLocaleString('en-US')} jobs stored`, scaleRuns.get(jobs) ?? []),
  );

  const ratioOf = (key) => pollRuns.map((r, i) => r[key] / (bareRuns[i]?.[key] ?? Number.NaN));
  const ratio = median(ratioOf('perCpuSecond'));
  const sameBytesRatios = sameBytesRuns.map((r, i) => r.perCpuSecond / bareRuns[i].perCpuSecond);
  const pollVsSameBytes = pollRuns.map((r, i) => r.perCpuSecond / sameBytesRuns[i].perCpuSecond);
  const wallRatio = median(ratioOf('rps'));
  const sora1Ratios = sora1Runs.map((r, i) => r.perCpuSecond / bareRuns[i].perCpuSecond);
  const sora1SameRatios = sora1SameBytesRuns.map((r, i) => r.perCpuSecond / bareRuns[i].perCpuSecond);
  const sora1VsSame = sora1Runs.map((r, i) => r.perCpuSecond / sora1SameBytesRuns[i].perCpuSecond);
  const row = (r) =>
    `| ${r.title} | ${Math.round(r.perCpuSecond).toLocaleString('en-US')} | ${Number.isNaN(r.rps) ? '—' : Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.total.toLocaleString('en-US')} | ${r.bad} |`;
  const table = [
    '| route | requests per server CPU-second | requests/s (wall) | p50 latency (ms) | p99 latency (ms) | requests | non-2xx + errors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row(bare),
    row(poll),
    row(sameBytes),
    row(sora1Poll),
    row(sora1SameBytes),
    row(barePost),
    row(create),
    row(sameCreate),
    ...scaled.map(row),
  ];
  const fmt = (values) => values.map((v) => v.toFixed(2)).join(', ');
  const perRound = (runs, key) => runs.map((r) => Math.round(r[key]).toLocaleString('en-US')).join(', ');
  const [few, many] = scaled;
  const verdict = [
    `- **Verdict** (server CPU time): poll throughput is ${ratio.toFixed(2)} of the bare route per server CPU-second, the median of the per-round ratios ${fmt(ratioOf('perCpuSecond'))} (goal: at least 0.85) — ${ratio >= 0.85 ? 'met' : 'NOT met'}.`,
    `- The floor: a bare Hono route that answers the poll's exact body and headers, asked with the poll's request headers, is ${median(sameBytesRatios).toFixed(2)} of the bare route per server CPU-second (per round ${fmt(sameBytesRatios)}); the poll is ${median(pollVsSameBytes).toFixed(2)} of that route (per round ${fmt(pollVsSameBytes)}), which is what the emulator's own work (auth, lookup, state, view, JSON, request id, request log) costs.`,
    `- **Sora 1 poll** (a completed 480x480 job, one generation): ${median(sora1Ratios).toFixed(2)} of the bare route per server CPU-second (per round ${fmt(sora1Ratios)}); a bare route answering its exact bytes and headers (\`content-type\`, \`apim-request-id\`, \`x-request-id\`) is ${median(sora1SameRatios).toFixed(2)} of the bare route (per round ${fmt(sora1SameRatios)}), and the Sora 1 poll is ${median(sora1VsSame).toFixed(2)} of that route (per round ${fmt(sora1VsSame)}).`,
    `- Wall clock: poll/bare requests/s ${wallRatio.toFixed(2)} (per round ${fmt(ratioOf('rps'))}); it swings with the other load on the machine, so it is shown but not the verdict.`,
    `- Per round, requests per server CPU-second: bare ${perRound(bareRuns, 'perCpuSecond')}; poll ${perRound(pollRuns, 'perCpuSecond')}. Requests/s: bare ${perRound(bareRuns, 'rps')}; poll ${perRound(pollRuns, 'rps')}.`,
    `- **Create throughput**: ${createRatio.toFixed(2)} of the bare Hono JSON POST per server CPU-second, the median of the per-round ratios ${fmt(createRatios)} (goal: at least 0.5) — ${createRatio >= 0.5 ? 'met' : 'NOT met'}. Every create validates the body with zod, checks capabilities and stores a job (quota \`none\`).`,
    `- The create floor: a bare JSON POST that answers the create's exact body and headers is ${median(sameCreateRatios).toFixed(2)} of the bare POST (per round ${fmt(sameCreateRatios)}); the create is ${median(createVsSame).toFixed(2)} of that route (per round ${fmt(createVsSame)}): the emulator's own work per create.`,
    few && many
      ? `- Create scaling (${SCALE_CREATES.toLocaleString('en-US')} creates, ${SCALE_ROUNDS} rounds each): with ${many.title.replace('create with ', '')} the cost per create is ${(few.perCpuSecond / many.perCpuSecond).toFixed(2)}x that with ${few.title.replace('create with ', '')} (server CPU; 1.00 = flat), p99 ${many.p99} ms vs ${few.p99} ms.`
      : '',
  ].filter((line) => line !== '');
  const section = [
    '<!-- server:start -->',
    '## Server: status polls and creates vs a bare Hono route',
    '',
    'Command: `npm run bench -w @sora-kit/emulator` (file: `mock-server/bench/server.bench.mjs`, built `dist/`). One node',
    'server (`@hono/node-server`) in a child process answers both a bare Hono route (`GET /bare`, a small JSON object) and',
    `the emulator app; autocannon runs in the parent over loopback with ${CONNECTIONS} connections. After a 1 s warm-up, bare, poll and a`,
    "bare route answering the poll's exact bytes (`GET /bare/video`: the same body and `content-type`/`x-request-id` headers, asked",
    'with the same request headers), the Sora 1 poll (`GET /openai/v1/video/generations/jobs/{id}?api-version=preview`) and a bare',
    'route answering its exact bytes (`GET /bare/sora1`)',
    `alternate for ${ROUNDS} rounds of ${DURATION_S} s (medians shown), then creates alternate with a bare Hono JSON POST (reads the body, answers a small object) the same way. The polled video is completed`,
    '(manual clock), so each poll renders the full OpenAI video object. "Requests per server CPU-second" divides the requests',
    "answered by the server process's user + system CPU time (`process.cpuUsage()`) during the run: on a machine shared with",
    'other work it estimates saturated throughput far more steadily than wall-clock requests/s, which are shown too.',
    `Create scaling: a fresh emulator (quota \`none\`) on its own port in the same server process, its partition first filled`,
    `with 100 or 5,000 jobs, then ${SCALE_CREATES.toLocaleString('en-US')} more creates through autocannon (so 100 → 1,100 and 5,000 → 6,000 stored jobs); the two`,
    `sizes alternate for ${SCALE_ROUNDS} rounds (medians; the "requests" column sums the rounds).`,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores (shared with other work), Node ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    '',
    ...table,
    '',
    ...verdict,
    '',
    'Before the request stages (commit ea8efdc, this benchmark, same machine, the same evening, load average 14): poll 0.43',
    'of the bare route (per round 0.44, 0.48, 0.41, 0.43, 0.33), create 0.33 of the bare POST (per round 0.32, 0.33, 0.35).',
    'Sora 1 poll before its per-handler wrapper (commit 3c9be59, this benchmark run just before, load average 2.6 -> 3.3): 0.35',
    'of the bare route (per round 0.34, 0.46, 0.41, 0.25, 0.35) and 0.45 of its same-bytes route (per round 0.42, 0.48, 0.49, 0.39, 0.45).',
    'Earlier (commit b628ae4): poll 0.44; a create with 5,000 jobs stored cost 6.74x one with 100. What changed:',
    'docs/emulator.md, "Performance".',
    '<!-- server:end -->',
  ].join('\n');
  let doc = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('<!-- server:start -->');
  const end = doc.indexOf('<!-- server:end -->');
  doc =
    start >= 0 && end > start
      ? doc.slice(0, start) + section + doc.slice(end + '<!-- server:end -->'.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(docs, doc);
  console.log([...table, '', ...verdict].join('\n'));
  console.log(`\nwritten to ${docs}`);
  process.exit(0); // a benchmark reports; it does not fail the run
}
