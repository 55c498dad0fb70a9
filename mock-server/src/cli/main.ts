#!/usr/bin/env node
// The `sora-emulator` binary: `sora-emulator [serve] [flags]` (default) or `sora-emulator render`.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
