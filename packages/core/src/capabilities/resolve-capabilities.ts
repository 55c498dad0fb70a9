import { ValidationError } from '../errors/validation-error.js';
import type { BackendId } from '../types.js';
import type { AnyCapabilityTable, Capabilities, CapabilityOverrides } from './capabilities.js';
import { DEFAULT_CAPABILITIES } from './default-capabilities.js';

/** Options of {@link resolveCapabilities}. */
export interface ResolveCapabilitiesOptions {
  /**
   * Azure: the base model a deployment runs (`sora-2` or `sora-2-pro`). Default: the deployment
   * name itself when it is a known model id, else the backend's default model.
   */
  deploymentModel?: string;
  /** Changes merged over the table entry: nested objects merge, arrays and scalars replace. */
  overrides?: CapabilityOverrides;
  /**
   * The table to read (default {@link DEFAULT_CAPABILITIES}). A provider of a backend other than
   * the three Sora ones passes its own entry here (`VideoClient` does so from `provider.capabilities`).
   */
  table?: AnyCapabilityTable;
}

const isAzure = (backend: BackendId) => backend === 'azure-sora1' || backend === 'azure-sora2';

/**
 * The capabilities of one backend and model, with caller overrides merged in.
 * On OpenAI `model` must be a known model id or alias; on Azure it is a deployment name and any
 * value is accepted (see `deploymentModel`).
 * Any other backend (one a provider brings) needs its entry in `table`; its models are strict, like
 * OpenAI's.
 * @throws {ValidationError} an unknown OpenAI model or `deploymentModel`; a backend without a table entry.
 * @example
 * const caps = resolveCapabilities('openai-sora2', 'sora-2', { overrides: { seconds: [4, 8, 12, 16, 20] } });
 * const pro = resolveCapabilities('azure-sora2', 'my-deployment', { deploymentModel: 'sora-2-pro' });
 */
export function resolveCapabilities(
  backend: BackendId,
  model?: string,
  options: ResolveCapabilitiesOptions = {},
): Capabilities {
  const table: AnyCapabilityTable = options.table ?? DEFAULT_CAPABILITIES;
  // Own properties only: a name such as `constructor` or `toString` is no model or backend.
  const entry = Object.hasOwn(table, backend) ? table[backend] : undefined;
  if (entry === undefined) throw unknownBackend(backend, table);
  const known = (name: string | undefined) =>
    name === undefined
      ? undefined
      : Object.hasOwn(entry.models, name)
        ? name
        : Object.hasOwn(entry.aliases, name)
          ? entry.aliases[name]
          : undefined;
  let base: string | undefined;
  if (options.deploymentModel !== undefined) {
    base = known(options.deploymentModel);
    if (base === undefined)
      throw unknownModel(backend, 'deploymentModel', options.deploymentModel, entry.models);
  } else if (model === undefined) {
    base = entry.defaultModel;
  } else {
    base = known(model) ?? (isAzure(backend) ? entry.defaultModel : undefined);
    if (base === undefined) throw unknownModel(backend, 'model', model, entry.models);
  }
  const capabilities = Object.hasOwn(entry.models, base) ? entry.models[base] : undefined;
  if (capabilities === undefined) throw unknownModel(backend, 'model', base, entry.models);
  return options.overrides === undefined
    ? capabilities
    : (mergeDeep(capabilities, options.overrides) as Capabilities);
}

function unknownBackend(backend: BackendId, table: AnyCapabilityTable): ValidationError {
  const allowed = Object.keys(table);
  return new ValidationError({
    issues: [
      {
        field: 'backend',
        value: backend,
        allowed,
        message: `backend: ${backend} has no capability table; known: ${allowed.join(', ')} (a provider of another backend declares its own \`capabilities\`)`,
      },
    ],
  });
}

function unknownModel(backend: BackendId, field: string, value: string, models: object): ValidationError {
  const allowed = Object.keys(models);
  return new ValidationError({
    issues: [
      {
        field,
        value,
        allowed,
        backend,
        message: `${field}: ${value} is not a known model on ${backend}; allowed: ${allowed.join(', ')}`,
      },
    ],
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function mergeDeep(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === '__proto__') continue;
    result[key] = mergeDeep(Object.hasOwn(base, key) ? base[key] : undefined, value);
  }
  return result;
}
