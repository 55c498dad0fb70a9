// MP4 streaming: time to the first byte of a first (uncached) 1920x1080 20 s Sora 2 download
// against the time to its last byte, over HTTP on loopback, the render on the default pool.
// Results go to docs/benchmarks.md between the stream markers.
import { fixed, machine, median, writeSection } from './bench-report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const KEY = 'sk-bench-stream';
const { createEmulator } = await import('../dist/index.js');
const emulator = createEmulator({
  clock: 'manual',
  quota: 'none',
  logLevel: 'error',
  seed: 'bench-stream',
  apiKey: KEY,
});
const server = await emulator.listen(0);
const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

const firstBytes = [];
const wholes = [];
const sizes = [];
// Round 0 warms the worker up (its start and JIT) and is not counted.
for (let round = 0; round <= ROUNDS; round++) {
  const created = await (
    await fetch(`${server.url}/v1/videos`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        prompt: `a red balloon ${round}`,
        model: 'sora-2-pro',
        size: '1920x1080',
        seconds: '20',
      }),
    })
  ).json();
  emulator.clock.advance(3_600_000);
  const start = performance.now();
  const res = await fetch(`${server.url}/v1/videos/${created.id}/content`, { headers });
  const reader = res.body.getReader();
  let step = await reader.read();
  const first = performance.now() - start;
  let bytes = 0;
  for (; !step.done; step = await reader.read()) bytes += step.value.byteLength;
  const whole = performance.now() - start;
  if (res.headers.get('content-length') !== null) throw new Error('the first download was not streamed');
  if (round === 0) continue;
  firstBytes.push(first);
  wholes.push(whole);
  sizes.push(bytes);
  console.log(
    `round ${round}: first byte ${first.toFixed(0)} ms, last byte ${whole.toFixed(0)} ms, ${bytes} bytes`,
  );
}
await server.close();
const ratios = firstBytes.map((f, i) => f / wholes[i]);
const list = (values, digits = 2) => values.map((v) => fixed(v, digits)).join(', ');
writeSection('stream', [
  '## MP4 streaming: first byte of a first 1080p 20 s download',
  '',
  'Command: `node mock-server/bench/stream.bench.mjs` (part of `npm run bench -w @sora-kit/emulator`; built `dist/`).',
  `The emulator (default render pool) listens on loopback in the benchmark's process; each of ${ROUNDS} rounds (after one`,
  'warm-up round) creates a `sora-2-pro` 1920x1080 20 s video through `POST /v1/videos`, completes it with the manual',
  'clock and downloads its content with `fetch`: the time to the first body chunk (the fragmented MP4 init segment,',
  'sent as soon as the render starts) against the time to the last byte (the whole render). Ratio: median of per-round ratios.',
  '',
  `Machine: ${machine()}.`,
  '',
  '| figure | first byte | last byte (whole render) | ratio (median) |',
  '| --- | --- | --- | --- |',
  `| first download of a 1920x1080 20 s video | ${fixed(median(firstBytes), 0)} ms | ${fixed(median(wholes), 0)} ms | ${fixed(median(ratios), 3)} |`,
  '',
  `- Per round: first byte ${list(firstBytes, 0)} ms; last byte ${list(wholes, 0)} ms; ratio ${list(ratios, 3)}; ${fixed(median(sizes) / 1e6, 2)} MB.`,
]);
process.exit(0);
