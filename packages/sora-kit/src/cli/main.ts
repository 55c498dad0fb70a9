#!/usr/bin/env node
// The `sora-kit` binary: wires the process (argv, streams, environment, Ctrl+C) to runSoraKitCli.
import { runSoraKitCli } from './run-sora-kit-cli.js';

const interrupt = new AbortController();
// SIGTERM and SIGHUP (process managers, a closed terminal) stop the command as Ctrl+C does, so
// `sora-kit emulator` shuts its server down and exits 0 instead of dying with the port half-closed.
let interruptedAt = 0;
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(name, () => {
    if (!interrupt.signal.aborted) {
      interruptedAt = performance.now();
      interrupt.abort();
      return;
    }
    // A second signal stops at once; one within a second is the same stop delivered twice
    // (a terminal's Ctrl+C reaches npx or npm and this process).
    if (performance.now() - interruptedAt > 1000) process.exit(130);
  });
}

process.exitCode = await runSoraKitCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
