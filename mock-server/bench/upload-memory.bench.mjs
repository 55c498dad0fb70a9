// Peak memory of one maximal upload: a child process runs the emulator (built dist/, real HTTP),
// the parent sends one multipart create just under the upload limit (50 MiB by default) to the
// Sora 1 and the Sora 2 dialect, each in a fresh child. The figure is the growth of the child's
// peak RSS (process.resourceUsage().maxRSS) over its RSS before the upload, as a multiple of the
// body size (the reference of the same run). Goal (issue 10, item 5): <= 2x the body + a constant.
// Every child is forked before the parent allocates the upload: on Linux a child's maxRSS starts
// at its parent's RSS at fork time, which would otherwise hide the child's own peak.
// Results go to docs/benchmarks.md between the upload-memory markers.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { fixed, machine, writeSection } from './bench-report.mjs';

const LIMIT = 50 * 1024 * 1024;
const FILE_BYTES = LIMIT - 64 * 1024;

if (process.argv[2] === '--server') {
  const { createEmulator } = await import('../dist/index.js');
  const emulator = createEmulator({ clock: 'manual', logLevel: 'silent', quota: 'none', renderWorkers: 0 });
  const server = await emulator.listen(0);
  globalThis.gc?.();
  process.send?.({ url: server.url });
  process.on('message', (message) => {
    if (message === 'before') {
      globalThis.gc?.();
      const { rss, arrayBuffers } = process.memoryUsage();
      process.send?.({ rss, arrayBuffers, maxRss: process.resourceUsage().maxRSS * 1024 });
    }
    if (message === 'after') {
      const maxRss = process.resourceUsage().maxRSS * 1024;
      // The client has the answer a moment before the server is done with the request, and a GC
      // frees ArrayBuffer memory a moment after it: collect, wait, collect again.
      setTimeout(() => {
        globalThis.gc?.();
        setTimeout(() => {
          globalThis.gc?.();
          const { rss, arrayBuffers } = process.memoryUsage();
          process.send?.({ maxRss, rssAfter: rss, buffersAfter: arrayBuffers });
        }, 100);
      }, 250);
    }
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const ask = (child, what) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send(what);
    });
  const startChild = async () => {
    const child = fork(fileURLToPath(import.meta.url), ['--server'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: ['--expose-gc'],
    });
    const { url } = await new Promise((resolve) => child.once('message', resolve));
    return { child, url };
  };
  const children = [await startChild(), await startChild(), await startChild(), await startChild()];
  // A PNG signature then filler: the body is read in full before the image is looked at (400).
  const file = new Uint8Array(FILE_BYTES);
  file.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = validPng(720, 1280, FILE_BYTES);
  const cases = [
    {
      name: 'Sora 1 `files` part',
      path: '/openai/v1/video/generations/jobs?api-version=preview',
      headers: { 'api-key': 'k' },
      form: () => {
        const form = new FormData();
        for (const [k, v] of Object.entries({ model: 'sora', prompt: 'p', width: '480', height: '480' }))
          form.set(k, v);
        form.set('inpaint_items', JSON.stringify([{ frame_index: 0, type: 'image', file_name: 'big.png' }]));
        form.set('files', new File([file], 'big.png', { type: 'image/png' }));
        return form;
      },
    },
    {
      name: 'Sora 2 `input_reference` part',
      path: '/v1/videos',
      headers: { authorization: 'Bearer sk-upload' },
      form: () => {
        const form = new FormData();
        form.set('prompt', 'p');
        form.set('input_reference', new File([file], 'big.png', { type: 'image/png' }));
        return form;
      },
    },
    {
      name: 'Sora 2 `input_reference`, a valid 720x1280 PNG (created: the job keeps it)',
      path: '/v1/videos',
      headers: { authorization: 'Bearer sk-upload' },
      form: () => {
        const form = new FormData();
        form.set('prompt', 'p');
        form.set('size', '720x1280');
        form.set('input_reference', new File([png], 'big.png', { type: 'image/png' }));
        return form;
      },
    },
    {
      name: 'Sora 2 JSON `input_reference.image_url`, a 14 MiB PNG as a data URL (not multipart)',
      path: '/v1/videos',
      headers: { authorization: 'Bearer sk-upload', 'content-type': 'application/json' },
      json: true,
      body: () =>
        JSON.stringify({
          prompt: 'p',
          size: '720x1280',
          input_reference: {
            image_url: `data:image/png;base64,${Buffer.from(validPng(720, 1280, 14 * 1024 * 1024)).toString('base64')}`,
          },
        }),
    },
  ];
  const rows = [];
  for (const [index, entry] of cases.entries()) {
    const { child, url } = children[index];
    const before = await ask(child, 'before');
    if (before.maxRss > before.rss * 1.5)
      throw new Error('the child started with a high maxRSS: fork it earlier');
    const send = entry.json ? entry.body() : entry.form();
    const body = new Uint8Array(await new Response(entry.json ? send : entry.form()).arrayBuffer());
    const res = await fetch(`${url}${entry.path}`, { method: 'POST', headers: entry.headers, body: send });
    await res.text();
    const after = await ask(child, 'after');
    child.disconnect();
    const growth = after.maxRss - before.rss;
    rows.push({
      name: entry.name,
      json: entry.json === true,
      status: res.status,
      body: body.byteLength,
      growth,
      ratio: growth / body.byteLength,
      retained: after.rssAfter - before.rss,
      live: after.buffersAfter - before.arrayBuffers,
    });
  }
  const mib = (n) => `${fixed(n / 1024 / 1024, 1)} MiB`;
  const worst = Math.max(...rows.filter((r) => !r.json).map((r) => r.ratio));
  const json = rows.find((r) => r.json);
  writeSection('upload-memory', [
    '## Upload memory: peak RSS of one maximal multipart create',
    '',
    'Command: `node --expose-gc mock-server/bench/upload-memory.bench.mjs` after `npm run build -w @sora-kit/emulator`',
    '(also part of `npm run bench -w @sora-kit/emulator`). A fresh child process runs the emulator per case (each',
    'forked before the parent allocates the upload, so it does not inherit a high maxRSS); the parent posts one',
    "multipart create whose file part is just under the 50 MiB upload limit. Figure: growth of the child's peak RSS",
    'over its RSS before the upload, as a multiple of the body size (the reference). "Kept" is measured after the',
    'answer and a full GC: RSS (includes memory the allocator has not returned to the system) and live',
    'ArrayBuffers (what the process still holds; a created job holds its input image by design).',
    '',
    `Machine: ${machine()}; load average ${loadavg()
      .map((n) => fixed(n, 1))
      .join(' / ')} (1 / 5 / 15 min) when the run ended.`,
    '',
    '| case | answer | body | peak RSS growth | x body | RSS kept after GC | buffers kept after GC |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.status} | ${mib(r.body)} | ${mib(r.growth)} | ${fixed(r.ratio, 2)} | ${mib(r.retained)} | ${mib(r.live)} |`,
    ),
    '',
    '- **Before** (the same bench on `bad6e2d`, the body buffered whole, turned into FormData, each part copied',
    '  again, and on Node every chunk copied by `Readable.toWeb`): 4.84x to 5.99x the body at peak in two runs',
    '  (242 to 299 MiB), load average about 12. Nothing stayed after a 400 there either once the request was',
    '  done and GC had run; the 144 to 164 MiB reported before were read while the server still held the request.',
    `- **JSON** (not the goal's case; shown because a data URL is an upload too): ${fixed(json.ratio, 2)}x the body. The body is read`,
    '  into one buffer of its declared length (before: its chunks plus their concatenation, 6.5x), but then',
    '  decoded to a string, parsed (a second string) and base64-decoded, each a copy; a streaming JSON reader',
    '  would be needed to go lower.',
    `- **Verdict** (multipart): worst ${fixed(worst, 2)}x the body (goal: <= 2x + a constant) — ${worst <= 2.2 ? 'met' : 'NOT met'}. The body streams into one buffer of its declared length as it arrives (on Node from the server's own request stream), parts are parsed incrementally (@remix-run/multipart-parser) and a file part is a view of that buffer: one copy of the upload, plus socket chunks awaiting collection.`,
  ]);
}

/** A valid PNG of `width` x `height` (grey), padded with a private ancillary chunk to `bytes`. */
function validPng(width, height, bytes) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type, data) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    let crc = 0xffffffff;
    for (const byte of out.subarray(4, 8 + data.length)) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    view.setUint32(8 + data.length, (crc ^ 0xffffffff) >>> 0);
    return out;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = new Uint8Array((width + 1) * height).fill(128);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
  ];
  const used = parts.reduce((n, p) => n + p.length, 0) + 12 + 12;
  parts.push(chunk('prVt', new Uint8Array(bytes - used)), chunk('IEND', new Uint8Array(0)));
  return new Uint8Array(Buffer.concat(parts));
}
