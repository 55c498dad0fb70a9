/**
 * `@sora-kit/emulator`: a local emulator of the Sora video APIs. Everything of
 * `@sora-kit/emulator/browser` plus the Node server: `createEmulator(...).listen(port)`.
 * @module
 */
export * from './browser.js';
export { createEmulator, type Emulator, type EmulatorServer } from './emulator.js';
