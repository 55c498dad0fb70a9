#!/usr/bin/env node
// What a library user gets from `npm install sora-kit`: packs every workspace package (npm pack),
// installs the packed `sora-kit` into an empty temp project (local packages resolved from the
// tarballs through `overrides`, everything else from the npm registry), and prints the number of
// installed packages and the size of node_modules. Extra arguments are installed too
// (e.g. `@azure/identity@~4.13.0` to measure Entra ID users). It then checks that `sora-kit` imports and
// builds Sora 2 clients with only what was installed.
// Usage: node scripts/measure-install.mjs [extra packages...]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'sora-kit-install-'));
const packs = join(work, 'packs');
const app = join(work, 'app');
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const dirs = workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(pattern.slice(0, -2), d.name))
    : [pattern],
);
const overrides = {};
run('mkdir', ['-p', packs, app]);
for (const dir of dirs) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', packs], join(root, dir)));
  overrides[manifest.name] = `file:${join(packs, packed.filename)}`;
}
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify({
    name: 'measure',
    private: true,
    dependencies: { 'sora-kit': overrides['sora-kit'] },
    overrides,
  }),
);
run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...process.argv.slice(2)], app);
// The install must work on its own: sora-kit and both Sora 2 factories load with only what was installed.
run(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    "const k = await import('sora-kit'); k.createVideoClient({ backend: 'openai-sora2', apiKey: 'sk-x' }); k.createVideoClient({ backend: 'azure-sora2', endpoint: 'https://r.openai.azure.com', apiKey: 'k' });",
  ],
  app,
);
const installed = run('npm', ['ls', '--all', '--parseable'], app).trim().split('\n').length - 1;
const kb = Number(run('du', ['-sk', join(app, 'node_modules')]).split('\t')[0]);
console.log(
  `${installed} packages, ${(kb / 1024).toFixed(1)} MB (node_modules)${process.argv.length > 2 ? ` with ${process.argv.slice(2).join(' ')}` : ''}`,
);
rmSync(work, { recursive: true, force: true });
