// Image decode benchmark: decodeImage on a 1280x720 frame (ffmpeg's testsrc2) as JPEG (jpeg-js),
// PNG RGB and RGBA (fast-png), lossy, lossy+alpha and lossless WebP (libwebp as WebAssembly,
// @jsquash/webp). Reference in the same run: the JPEG decode (jpeg-js, the decoder that did not
// change), so the ratios hold on any machine. The first WebP call, which instantiates the wasm, is
// timed on its own. Results go to docs/benchmarks.md between the decode-image markers.
// Run: node bench/decode-image.bench.mjs after a build (npm run bench builds first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleaved, machine, median, timeEach, writeSection } from './bench-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { decodeImage } = await import(join(here, '..', 'dist', 'media', 'index.js'));
const ROUNDS = 9;
const CALLS = 5;
const SOURCE = 'testsrc2=size=1280x720:rate=1';
const ALPHA = "format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='128+X/10'";

const dir = mkdtempSync(join(tmpdir(), 'decode-bench-'));
function ffmpeg(name, filters, args) {
  const file = join(dir, name);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `${SOURCE}${filters}`,
    '-frames:v',
    '1',
    ...args,
    '-y',
    file,
  ]);
  return readFileSync(file);
}
const inputs = [
  ['JPEG (baseline, 4:2:0, q 2)', ffmpeg('in.jpg', '', ['-q:v', '2'])],
  ['PNG RGB 8-bit', ffmpeg('rgb.png', '', ['-pix_fmt', 'rgb24'])],
  ['PNG RGBA 8-bit', ffmpeg('rgba.png', `,${ALPHA}`, ['-pix_fmt', 'rgba'])],
  ['WebP lossy (q 75)', ffmpeg('lossy.webp', '', ['-c:v', 'libwebp', '-lossless', '0'])],
  ['WebP lossy + alpha', ffmpeg('alpha.webp', `,${ALPHA}`, ['-c:v', 'libwebp', '-lossless', '0'])],
  ['WebP lossless', ffmpeg('lossless.webp', '', ['-c:v', 'libwebp', '-lossless', '1'])],
];
rmSync(dir, { recursive: true, force: true });

const [, jpeg] = inputs[0];
const firstStart = performance.now();
await decodeImage(inputs[3][1]);
const firstWebp = performance.now() - firstStart;

const rows = [];
for (const [name, bytes] of inputs) {
  for (let i = 0; i < 3; i++) await decodeImage(bytes); // warm-up (JIT)
  const { subjects, ratio } = await interleaved(
    ROUNDS,
    () => timeEach(() => decodeImage(bytes), CALLS),
    () => timeEach(() => decodeImage(jpeg), CALLS),
  );
  rows.push(
    `| ${name} | ${(bytes.length / 1024).toFixed(0)} KiB | ${median(subjects).toFixed(1)} ms | ${ratio.toFixed(2)} |`,
  );
}

writeSection('decode-image', [
  '## Image decoding (`decodeImage`, 1280x720)',
  '',
  `${machine()}, load average ${loadavg()[0].toFixed(1)} at the end. \`node bench/decode-image.bench.mjs\` (after a build).`,
  `Median of ${ROUNDS} rounds of ${CALLS} calls, each round`,
  'interleaved with the JPEG decode as the reference (jpeg-js, unchanged), so the ratio is machine-independent.',
  `The first WebP decode of a process also instantiates libwebp's wasm: ${firstWebp.toFixed(0)} ms for that call.`,
  '',
  '| input | file | decode | vs JPEG |',
  '| --- | --- | --- | --- |',
  ...rows,
]);
