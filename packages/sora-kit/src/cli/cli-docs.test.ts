import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from './exit-codes.js';
import { EMBEDDED_NOTICE } from './open-client.js';
import { COMMANDS, runSoraKitCli } from './run-sora-kit-cli.js';
import { captureIo } from './test-support/capture-io.js';

const docs = readFileSync(new URL('../../../../docs/cli.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

async function helpOf(name: string): Promise<string> {
  const run = captureIo({});
  await runSoraKitCli([name, '--help'], run.io);
  return run.stdout();
}

describe('docs/cli.md', () => {
  it('has a section for every command that names every flag of its --help', async () => {
    for (const command of COMMANDS) {
      expect(docs, command.name).toMatch(new RegExp(`^### \`${command.name}[ \`]`, 'm'));
      const flags = new Set((await helpOf(command.name)).match(/--[a-z][a-z-]*/g));
      for (const flag of flags) expect(docs, `${command.name} ${flag}`).toContain(`\`${flag}`);
    }
  });

  it('lists every exit code and the embedded-emulator notice as printed', () => {
    for (const code of Object.values(EXIT_CODES)) expect(docs).toMatch(new RegExp(`^\\| ${code} \\| `, 'm'));
    expect(docs).toContain(EMBEDDED_NOTICE);
  });

  it('is linked from the README quick start, which shows npx sora-kit generate', () => {
    expect(readme).toContain('### Generate a video offline');
    expect(readme).toContain('npx sora-kit generate "a red fox in the snow" --out fox.mp4');
    expect(readme).toContain('[docs/cli.md](docs/cli.md)');
  });
});
