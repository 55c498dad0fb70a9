/**
 * The `sora-emulator` commands as functions, for tools that embed them (the `sora-kit emulator`
 * subcommand) and for tests: `@sora-kit/emulator/cli`.
 * @module
 */
export type { CommandIo } from './render-command.js';
export { runRenderCommand } from './render-command.js';
export { runCli } from './run-cli.js';
export type { ServeCommandOptions } from './serve-command.js';
export { runServeCommand } from './serve-command.js';
