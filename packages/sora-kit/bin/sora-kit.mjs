#!/usr/bin/env node
// The `sora-kit` bin. A committed stub, so npm links it at install time even before the first
// build (npm skips bins whose file is missing); it runs the built CLI in dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  console.error(
    'sora-kit is not built yet: run "npm run build" at the repository root (or "npm run build -w sora-kit").',
  );
  process.exit(1);
}
await import(cli.href);
