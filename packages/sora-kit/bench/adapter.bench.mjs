// The adapter's per-call overhead: `client.get(id)` (sora-kit's VideoClient over the OpenAI Sora 2
// provider) against the official SDK's `videos.retrieve(id)`, both polling one completed video of
// an emulator served from a child process over loopback. Calls run one after another; the two
// alternate round by round. Results go to docs/benchmarks.md between the adapter markers.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  fixed,
  interleaved,
  machine,
  median,
  writeSection,
} from '../../../mock-server/bench/bench-report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const KEY = 'sk-adapter-bench';

if (process.argv[2] === '--server') {
  const { createEmulator } = await import('@sora-kit/emulator');
  const emulator = createEmulator({ clock: 'manual', quota: 'none', logLevel: 'error' });
  const server = await emulator.listen(0);
  const res = await emulator.app.request('/v1/videos', {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'a red balloon over a lake' }),
  });
  const { id } = await res.json();
  emulator.clock.advance(600_000);
  process.send?.({ url: server.url, id });
  process.on('disconnect', () => process.exit(0));
} else {
  const child = fork(fileURLToPath(import.meta.url), ['--server'], { stdio: 'inherit' });
  const { url, id } = await new Promise((resolve) => child.once('message', resolve));
  const { default: OpenAI } = await import('openai');
  const { createVideoClient } = await import('sora-kit');
  const sdk = new OpenAI({ apiKey: KEY, baseURL: `${url}/v1`, maxRetries: 0 });
  const client = createVideoClient({ backend: 'openai-sora2', apiKey: KEY, baseURL: `${url}/v1` });
  // Client-process CPU per call (user + system): steadier than wall time on a shared machine.
  const perCall = (call) => async () => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await call();
    const used = process.cpuUsage(cpu);
    return { cpuUs: (used.user + used.system) / CALLS, wallUs: ((performance.now() - start) * 1000) / CALLS };
  };
  const viaClient = perCall(() => client.get(id));
  const viaSdk = perCall(() => sdk.videos.retrieve(id));
  await viaClient();
  await viaSdk();
  const runs = await interleaved(ROUNDS, viaClient, viaSdk);
  child.disconnect();
  const cpuRatios = runs.subjects.map((s, i) => s.cpuUs / runs.references[i].cpuUs);
  const wallRatios = runs.subjects.map((s, i) => s.wallUs / runs.references[i].wallUs);
  const cpuRatio = median(cpuRatios);
  const medianOf = (series, key) => median(series.map((r) => r[key]));
  const list = (values) => values.map((v) => fixed(v)).join(', ');
  writeSection('adapter', [
    '## Adapter: `client.get` vs the official SDK’s `videos.retrieve`',
    '',
    'Command: `npm run bench -w sora-kit` (file: `packages/sora-kit/bench/adapter.bench.mjs`, built `dist/`). The emulator',
    'serves one completed OpenAI Sora 2 video from a child process; this process calls',
    `\`createVideoClient({ backend: 'openai-sora2' }).get(id)\` and \`new OpenAI().videos.retrieve(id)\` ${CALLS.toLocaleString('en-US')} times each, one`,
    `call after another, alternating for ${ROUNDS} rounds. "CPU per call" is this process's user + system time over the calls.`,
    '',
    `Machine: ${machine()}.`,
    '',
    '| call | CPU per call (µs) | wall per call (µs) |',
    '| --- | --- | --- |',
    `| \`client.get(id)\` | ${fixed(medianOf(runs.subjects, 'cpuUs'), 0)} | ${fixed(medianOf(runs.subjects, 'wallUs'), 0)} |`,
    `| reference: \`openai.videos.retrieve(id)\` | ${fixed(medianOf(runs.references, 'cpuUs'), 0)} | ${fixed(medianOf(runs.references, 'wallUs'), 0)} |`,
    '',
    `- **Verdict** (client CPU per call): ${fixed(cpuRatio)}x the SDK call, median of per-round ratios ${list(cpuRatios)} (goal: <= 1.05) — ${cpuRatio <= 1.05 ? 'met' : 'NOT met'}.`,
    `- Wall time per call: ${fixed(median(wallRatios))}x (per round ${list(wallRatios)}); it includes the emulator's answer and the machine's other load.`,
  ]);
  process.exit(0);
}
