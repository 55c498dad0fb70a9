export type {
  AllowedSeconds,
  AnyCapabilityTable,
  BackendCapabilities,
  Capabilities,
  CapabilityField,
  CapabilityOverrides,
  CapabilityTable,
  CharacterRules,
  DeepPartial,
  ExpiryBasis,
  ExtensionRules,
  InputRules,
  SecondsRange,
  SizeString,
  VariantRules,
} from './capabilities.js';
export { DEFAULT_CAPABILITIES, NO_CHARACTER, NO_EXTENSION } from './default-capabilities.js';
export { renderCapabilitySources, renderCapabilityTable } from './render-capability-table.js';
export { type ResolveCapabilitiesOptions, resolveCapabilities } from './resolve-capabilities.js';
