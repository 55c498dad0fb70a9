#!/usr/bin/env node
// The `sora-emulator` bin. A committed stub, so npm links it at install time even before the
// first build (npm skips bins whose file is missing); it runs the built CLI in dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  console.error(
    'sora-emulator is not built yet: run "npm run build -w @sora-kit/emulator" (or "npm start" at the repository root).',
  );
  process.exit(1);
}
await import(cli.href);
