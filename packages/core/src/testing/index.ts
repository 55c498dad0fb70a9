export { type DocsBlockRun, type RunDocsBlockOptions, runDocsBlock, tsBlocks } from './docs-examples.js';
export { createTestClock, type TestClock } from './test-clock.js';
