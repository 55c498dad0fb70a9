import type { Capabilities, CapabilityField, CapabilityTable } from './capabilities.js';
import { DEFAULT_CAPABILITIES } from './default-capabilities.js';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const list = (values: readonly (string | number)[]) => (values.length === 0 ? '-' : values.join(', '));

function formatSeconds(caps: Capabilities): string {
  return Array.isArray(caps.seconds)
    ? list(caps.seconds)
    : `${(caps.seconds as { min: number }).min}..${(caps.seconds as { max: number }).max}`;
}

function formatVariants(caps: Capabilities): string {
  const bySize = Object.entries(caps.variants.maxBySize).filter(([, max]) => max !== caps.variants.max);
  if (bySize.length === 0) return caps.variants.max === 1 ? '1' : `1..${caps.variants.max}`;
  const groups = new Map<number, string[]>();
  for (const [size, max] of bySize) groups.set(max as number, [...(groups.get(max as number) ?? []), size]);
  const parts = [...groups].map(([max, sizes]) => `${sizes.join(', ')}: ${max}`);
  return `${parts.join('; ')}; others: ${caps.variants.max}`;
}

function formatInputs(caps: Capabilities): string {
  const { inputs } = caps;
  const images =
    inputs.maxImages === 0 ? undefined : `${inputs.maxImages} image${inputs.maxImages > 1 ? 's' : ''}`;
  const videos =
    inputs.maxVideos === 0
      ? undefined
      : `${inputs.maxVideos} video${inputs.videoMaxSeconds === undefined ? '' : ` <= ${inputs.videoMaxSeconds} s`}`;
  const parts = [images, videos].filter((part) => part !== undefined);
  const joined = parts.join(inputs.mixImagesAndVideos ? ' and ' : ' or ');
  return parts.length === 0
    ? 'none'
    : `${inputs.imageMustMatchSize ? `${joined} (must match size)` : joined}`;
}

const ROWS: readonly [string, CapabilityField, (caps: Capabilities) => string][] = [
  ['sizes', 'sizes', (caps) => list(caps.sizes)],
  ['default size', 'defaultSize', (caps) => caps.defaultSize],
  ['seconds', 'seconds', formatSeconds],
  ['default seconds', 'defaultSeconds', (caps) => String(caps.defaultSeconds)],
  ['variants', 'variants', formatVariants],
  [
    'prompt length',
    'prompt',
    (caps) => `${caps.prompt.minLength}..${caps.prompt.maxLength ?? 'undocumented'}`,
  ],
  ['inputs', 'inputs', formatInputs],
  [
    'image types',
    'inputs',
    (caps) => (caps.inputs.maxImages === 0 ? '-' : list(caps.inputs.imageMediaTypes)),
  ],
  [
    'video types',
    'inputs',
    (caps) => (caps.inputs.maxVideos === 0 ? '-' : list(caps.inputs.videoMediaTypes)),
  ],
  ['frameIndex / crop', 'inputs', (caps) => `${yesNo(caps.inputs.frameIndex)} / ${yesNo(caps.inputs.crop)}`],
  ['audio', 'audio', (caps) => yesNo(caps.audio)],
  ['remix', 'remix', (caps) => yesNo(caps.remix)],
  ['edit', 'edit', (caps) => yesNo(caps.edit)],
  ['extend', 'extend', (caps) => yesNo(caps.extend)],
  [
    'extension',
    'extension',
    (caps) =>
      caps.extend
        ? `${list(caps.extension.seconds)} s; <= ${caps.extension.maxExtensions} times; <= ${caps.extension.maxTotalSeconds} s total`
        : '-',
  ],
  ['characters', 'characters', (caps) => yesNo(caps.characters)],
  [
    'character limits',
    'character',
    (caps) =>
      caps.characters
        ? `<= ${caps.character.maxPerVideo} per video; name ${caps.character.nameLength.min}..${caps.character.nameLength.max}`
        : '-',
  ],
  ['cancel', 'cancel', (caps) => yesNo(caps.cancel)],
  ['webhooks', 'webhooks', (caps) => yesNo(caps.webhooks)],
  ['max concurrent jobs', 'maxConcurrentJobs', (caps) => String(caps.maxConcurrentJobs)],
  ['create requests / min', 'createRequestsPerMinute', (caps) => String(caps.createRequestsPerMinute ?? '-')],
  ['retention', 'retentionHours', (caps) => `${caps.retentionHours} h`],
  ['expires_at from', 'expiryBasis', (caps) => caps.expiryBasis],
];

function renderTable(
  table: CapabilityTable,
  cell: (caps: Capabilities, row: (typeof ROWS)[number]) => string,
): string {
  const columns = Object.values(table).flatMap((backend) => Object.values(backend.models));
  const header = `| | ${columns.map((caps) => `\`${caps.backend}\` ${caps.model}`).join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---').join(' | ')} |`;
  const rows = ROWS.map((row) => `| ${row[0]} | ${columns.map((caps) => cell(caps, row)).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

/**
 * Renders a capability table as GitHub markdown: one row per capability, one column per
 * backend and model. docs/core.md embeds the default table; a test keeps the two identical.
 * @example
 * console.log(renderCapabilityTable());
 */
export function renderCapabilityTable(table: CapabilityTable = DEFAULT_CAPABILITIES): string {
  return renderTable(table, (caps, [, , render]) => render(caps));
}

/**
 * Renders where each limit of a capability table comes from, in the same layout as
 * {@link renderCapabilityTable}: source keys of docs/reference/contracts.md and ruling numbers.
 * @example
 * console.log(renderCapabilitySources());
 */
export function renderCapabilitySources(table: CapabilityTable = DEFAULT_CAPABILITIES): string {
  return renderTable(table, (caps, [, field]) => caps.sources[field] ?? '-');
}
