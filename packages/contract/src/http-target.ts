/**
 * An emulator already listening somewhere (`sora-emulator`, a container, `emulator.listen()`).
 * @module
 */
import type { ContractDialect } from './contract-dialect.js';
import { ContractFailure } from './contract-failure.js';
import { emulatorTarget } from './emulator-target.js';
import type { ContractFetch, Target } from './target.js';

/** Options of `httpTarget`. */
export interface HttpTargetOptions {
  /** The key the emulator was started with (`--api-key`); without it each scenario run uses its own key. */
  readonly apiKey?: string;
  /** Name in reports (default: the URL). */
  readonly name?: string;
  /** Azure deployment names the emulator knows (defaults `sora-2` and `sora`). */
  readonly deployments?: { readonly sora2?: string; readonly sora1?: string };
  /** Dialects to exercise (default all three). */
  readonly dialects?: readonly ContractDialect[];
  /** The fetch to use (default the global fetch). */
  readonly fetch?: ContractFetch;
}

/**
 * A target over an emulator at `url`. `prepare` checks `GET /_emulator/health` first: the kit
 * moves the clock and injects faults through the control API, so the URL must be an emulator.
 * @example
 * const server = await createEmulator({ clock: 'manual' }).listen(0);
 * const report = await runContract({ targets: [httpTarget(server.url)] });
 */
export function httpTarget(url: string, options: HttpTargetOptions = {}): Target {
  let origin: string;
  try {
    const parsed = new URL(url);
    origin = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    throw new ContractFailure(`not a URL: ${url}`);
  }
  const fetch: ContractFetch = options.fetch ?? ((request) => globalThis.fetch(request));
  const prepare = async (): Promise<void> => {
    let response: Response;
    try {
      response = await fetch(new Request(`${origin}/_emulator/health`));
    } catch (error) {
      throw new ContractFailure(
        `${origin} did not answer GET /_emulator/health: ${(error as Error).message}`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as { status?: unknown } | undefined;
    if (response.status !== 200 || body?.status !== 'ok') {
      throw new ContractFailure(
        `${origin} is not a sora-kit emulator (GET /_emulator/health answered ${response.status}); use --target live for real services`,
      );
    }
  };
  return emulatorTarget({
    name: options.name ?? origin,
    origin,
    fetch,
    prepare,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.deployments === undefined ? {} : { deployments: options.deployments }),
    ...(options.dialects === undefined ? {} : { dialects: options.dialects }),
  });
}
