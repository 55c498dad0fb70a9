export type {
  AllowedSeconds,
  AnyCapabilityTable,
  BackendCapabilities,
  Capabilities,
  CapabilityOverrides,
  CapabilityTable,
  DeepPartial,
  ExpiryBasis,
  InputRules,
  SecondsRange,
  SizeString,
  VariantRules,
} from './capabilities.js';
export { DEFAULT_CAPABILITIES } from './default-capabilities.js';
export { renderCapabilityTable } from './render-capability-table.js';
export { type ResolveCapabilitiesOptions, resolveCapabilities } from './resolve-capabilities.js';
