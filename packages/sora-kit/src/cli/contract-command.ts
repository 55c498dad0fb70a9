/**
 * `sora-kit contract`: runs the contract scenarios of `@sora-kit/contract` (its own flags).
 * @module
 */
import type { CliCommand } from './cli-command.js';
import type { CliIo } from './cli-io.js';

const USAGE = `Usage: sora-kit contract [flags]

Runs the sora-kit contract scenarios (from @sora-kit/contract) against the emulator or a real
service taken from the environment. "sora-kit contract --help" lists its flags.
`;

/** The package that provides the command; a variable so TypeScript does not need it installed. */
const CONTRACT_PACKAGE = '@sora-kit/contract';

type RunContractCommand = (argv: string[], io: Pick<CliIo, 'stdout' | 'stderr' | 'env'>) => Promise<number>;

async function loadContractCommand(): Promise<RunContractCommand | undefined> {
  try {
    const module = (await import(CONTRACT_PACKAGE)) as { runContractCommand?: RunContractCommand };
    return module.runContractCommand;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const runContractCommand = await loadContractCommand();
  if (runContractCommand === undefined) {
    io.stderr.write(
      `sora-kit: contract is not available: ${CONTRACT_PACKAGE} is not installed (or not built). Install it next to sora-kit: npm install ${CONTRACT_PACKAGE}\n`,
    );
    return 1;
  }
  return runContractCommand(argv, { stdout: io.stdout, stderr: io.stderr, env: io.env });
}

/** The `contract` subcommand. */
export const contractCommand: CliCommand = {
  name: 'contract',
  summary: 'run the contract scenarios (@sora-kit/contract)',
  usage: USAGE,
  run,
};
