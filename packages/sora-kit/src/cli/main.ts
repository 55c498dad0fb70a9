#!/usr/bin/env node
// The `sora-kit` binary: wires the process (argv, streams, environment, Ctrl+C) to runSoraKitCli.
import { runSoraKitCli } from './run-sora-kit-cli.js';

const interrupt = new AbortController();
process.on('SIGINT', () => {
  // A second Ctrl+C stops at once.
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

process.exitCode = await runSoraKitCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
