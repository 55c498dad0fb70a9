// Cost of the default `info` request log on status polls: two `sora-emulator serve` commands in one
// child process (stdout to /dev/null, as a detached server writes to a file), one at
// `--log-level info` (the default: a line per request) and one at `--log-level warn`. autocannon
// polls a completed video on each, alternating round by round; the figure is requests per server
// CPU-second. Results go to docs/benchmarks.md between the logging markers.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fixed, machine, median, writeSection } from './bench-report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 3);
const AUTH = { authorization: 'Bearer sk-log', 'content-type': 'application/json' };

if (process.argv[2] === '--server') {
  const { runServeCommand } = await import('../dist/cli/serve-command.js');
  const urls = {};
  for (const level of ['info', 'warn']) {
    await new Promise((resolve) => {
      void runServeCommand(
        ['--clock', 'manual', '--quota', 'none', '--port', '0', '--log-level', level],
        process,
        {
          onListening: async ({ url, emulator }) => {
            const res = await emulator.app.request('/v1/videos', {
              method: 'POST',
              headers: AUTH,
              body: JSON.stringify({ prompt: 'a red balloon over a lake' }),
            });
            const { id } = await res.json();
            emulator.clock.advance(600_000);
            urls[level] = `${url}/v1/videos/${id}`;
            resolve();
          },
        },
      );
    });
  }
  process.send?.(urls);
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const loadAtStart = loadavg()[0] ?? 0;
  const { default: autocannon } = await import('autocannon');
  const child = fork(fileURLToPath(import.meta.url), ['--server'], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const urls = await new Promise((resolve) => child.once('message', resolve));
  const cpu = () =>
    new Promise((resolve) => {
      const on = (reply) => {
        if (reply?.cpuMicros === undefined) return;
        child.off('message', on);
        resolve(reply.cpuMicros);
      };
      child.on('message', on);
      child.send('cpu');
    });
  const measure = async (url, duration) => {
    const before = await cpu();
    const result = await autocannon({ url, headers: AUTH, connections: 10, duration });
    return result.requests.total / (((await cpu()) - before) / 1e6);
  };
  await measure(urls.info, 1);
  await measure(urls.warn, 1);
  const info = [];
  const warn = [];
  for (let round = 0; round < ROUNDS; round++) {
    warn.push(await measure(urls.warn, DURATION_S));
    info.push(await measure(urls.info, DURATION_S));
    console.log(
      `round ${round + 1}: info ${info.at(-1).toFixed(0)}, warn ${warn.at(-1).toFixed(0)} polls per server CPU-s`,
    );
  }
  child.disconnect();
  const costs = info.map((v, i) => 1 - v / warn[i]);
  const cost = median(costs);
  writeSection('logging', [
    '## Logging: the default `info` request log on status polls',
    '',
    'Command: `npm run bench -w @sora-kit/emulator` (file: `mock-server/bench/logging.bench.mjs`, built `dist/`). Two',
    '`sora-emulator serve` commands run in one child process whose stdout is /dev/null: `--log-level info` (the default, one',
    `line per request) and \`--log-level warn\`. autocannon (10 connections) polls a completed video on each for ${DURATION_S} s,`,
    `alternating for ${ROUNDS} rounds; throughput is requests per server CPU-second.`,
    '',
    `Machine: ${machine()}; 1-minute load average ${fixed(loadAtStart, 1)} at the start and ${fixed(loadavg()[0] ?? 0, 1)} at the end.`,
    '',
    '| log level | polls per server CPU-second (median) |',
    '| --- | --- |',
    `| \`info\` (one line per request, batched) | ${Math.round(median(info)).toLocaleString('en-US')} |`,
    `| reference: \`warn\` (no request lines) | ${Math.round(median(warn)).toLocaleString('en-US')} |`,
    '',
    `- **Verdict**: \`info\` logging costs ${fixed(100 * cost, 1)}% of poll throughput, median of per-round costs ${costs.map((c) => `${fixed(100 * c, 1)}%`).join(', ')} (goal: <= 5%) — ${cost <= 0.05 ? 'met' : 'NOT met'}.`,
  ]);
  process.exit(0);
}
