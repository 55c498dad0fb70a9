/**
 * Which model a Sora 2 request names and what it accepts (ruling 9: the capability table of
 * `@sora-kit/core`). OpenAI: a model id or dated alias. Azure: a configured deployment name.
 * @module
 */

import { type Capabilities, DEFAULT_CAPABILITIES } from '@sora-kit/core';
import type { EmulatorContext } from '../../emulator-context.js';
import { ModelRetiredError } from '../../engine/errors.js';
import type { HostFamily } from '../../http/credential.js';
import { invalidParam, unknownDeployment } from './sora2-errors.js';

/** The model as echoed on the wire, and its capabilities. */
export interface Sora2Model {
  /** What the request said (or the default `sora-2`): echoed in `model`. */
  readonly name: string;
  /** The resolved capabilities. */
  readonly capabilities: Capabilities;
}

const DEFAULT_MODEL = 'sora-2';

/** Formats values as OpenAI lists them: `'a', 'b' and 'c'`. */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * Resolves `model` for a host. Retired models answer as configured before anything else.
 * @throws WireError (400 unknown model, Azure 404 unknown deployment), ModelRetiredError
 */
export function resolveSora2Model(
  emulator: EmulatorContext,
  host: HostFamily,
  model: string | undefined,
): Sora2Model {
  const name = model ?? DEFAULT_MODEL;
  const retired = emulator.engine.faults.retirement(name);
  if (retired) throw new ModelRetiredError(retired.model, retired.status, retired.message);
  if (host === 'azure') {
    const base = emulator.deploymentModel(name, 'sora2');
    if (base === undefined) throw unknownDeployment(name);
    try {
      return { name, capabilities: emulator.capabilities('azure-sora2', name, base) };
    } catch {
      throw invalidParam(
        'model',
        `The deployment '${name}' runs '${base}', which the Videos API does not serve.`,
      );
    }
  }
  try {
    return { name, capabilities: emulator.capabilities('openai-sora2', name) };
  } catch {
    const table = emulator.options.capabilities.table ?? DEFAULT_CAPABILITIES;
    const known = Object.keys(table['openai-sora2'].models);
    throw invalidParam('model', `Invalid value: '${name}'. Supported values are: ${quoteList(known)}.`);
  }
}
