import type { Capabilities, CapabilityTable } from './capabilities.js';
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

const ROWS: readonly [string, (caps: Capabilities) => string][] = [
  ['sizes', (caps) => list(caps.sizes)],
  ['default size', (caps) => caps.defaultSize],
  ['seconds', formatSeconds],
  ['default seconds', (caps) => String(caps.defaultSeconds)],
  ['variants', formatVariants],
  ['prompt length', (caps) => `${caps.prompt.minLength}..${caps.prompt.maxLength ?? 'undocumented'}`],
  ['inputs', formatInputs],
  ['image types', (caps) => (caps.inputs.maxImages === 0 ? '-' : list(caps.inputs.imageMediaTypes))],
  ['video types', (caps) => (caps.inputs.maxVideos === 0 ? '-' : list(caps.inputs.videoMediaTypes))],
  ['frameIndex / crop', (caps) => `${yesNo(caps.inputs.frameIndex)} / ${yesNo(caps.inputs.crop)}`],
  ['audio', (caps) => yesNo(caps.audio)],
  ['remix', (caps) => yesNo(caps.remix)],
  ['cancel', (caps) => yesNo(caps.cancel)],
  ['webhooks', (caps) => yesNo(caps.webhooks)],
  ['max concurrent jobs', (caps) => String(caps.maxConcurrentJobs)],
  ['create requests / min', (caps) => String(caps.createRequestsPerMinute ?? '-')],
  ['retention', (caps) => `${caps.retentionHours} h`],
  ['expires_at from', (caps) => caps.expiryBasis],
];

/**
 * Renders a capability table as GitHub markdown: one row per capability, one column per
 * backend and model. docs/core.md embeds the default table; a test keeps the two identical.
 * @example
 * console.log(renderCapabilityTable());
 */
export function renderCapabilityTable(table: CapabilityTable = DEFAULT_CAPABILITIES): string {
  const columns = Object.values(table).flatMap((backend) => Object.values(backend.models));
  const header = `| | ${columns.map((caps) => `\`${caps.backend}\` ${caps.model}`).join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---').join(' | ')} |`;
  const rows = ROWS.map(([label, render]) => `| ${label} | ${columns.map(render).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
