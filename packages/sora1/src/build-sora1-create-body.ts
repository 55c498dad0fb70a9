import {
  type CreateVideoRequest,
  type MediaInput,
  parseSize,
  readMediaSource,
  sniffMediaType,
} from '@sora-kit/core';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

/** Defaults used when a request reaches the provider without the client's normalisation. */
const DEFAULT_SIZE = { width: 1280, height: 720 };
const DEFAULT_SECONDS = 5;

/**
 * The body of `POST /video/generations/jobs`: JSON without inputs; with inputs, a multipart form
 * with the scalars as strings, `inpaint_items` as one JSON string field and one `files` part per
 * input whose file name matches its inpaint item (contracts 2.3, ruling 17).
 */
export async function buildSora1CreateBody(
  request: CreateVideoRequest,
  deployment: string,
): Promise<Record<string, unknown> | FormData> {
  const size =
    request.size === undefined
      ? DEFAULT_SIZE
      : typeof request.size === 'string'
        ? (parseSize(request.size) ?? DEFAULT_SIZE)
        : request.size;
  const fields = {
    model: request.model ?? deployment,
    prompt: request.prompt,
    width: size.width,
    height: size.height,
    n_seconds: request.seconds ?? DEFAULT_SECONDS,
    n_variants: request.variants ?? 1,
  };
  const inputs = request.inputs ?? [];
  if (inputs.length === 0) return fields;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
  const { items, files } = await sora1InpaintParts(inputs);
  form.append('inpaint_items', JSON.stringify(items));
  for (const [blob, fileName] of files) form.append('files', blob, fileName);
  return form;
}

/** What a multipart create sends for its inputs: the `inpaint_items` and one file per item. */
export interface Sora1InpaintParts {
  /** The `inpaint_items`, in input order. */
  readonly items: Record<string, unknown>[];
  /** Each item's file and the name its `file_name` gives. */
  readonly files: [Blob, string][];
}

/**
 * The inpaint items and files of `inputs`. A file without a name of its own (a Blob or bytes) is
 * named `input-N-HASH.ext`, HASH the first 8 hex digits of its SHA-256, so the job object's
 * `inpaint_items` tell apart jobs made from different bytes (see {@link sora1InputsFingerprint}).
 */
export async function sora1InpaintParts(inputs: readonly MediaInput[]): Promise<Sora1InpaintParts> {
  const items: Record<string, unknown>[] = [];
  const names = new Set<string>();
  const files: [Blob, string][] = [];
  for (const [index, input] of inputs.entries()) {
    const bytes = await readMediaSource(input.source);
    const mediaType =
      input.mediaType ??
      (bytes.type || undefined) ??
      (await sniffMediaType(bytes)) ??
      (input.kind === 'video' ? 'video/mp4' : 'image/jpeg');
    const fileName = uniqueName(await fileNameOf(input, index, mediaType, bytes), names);
    items.push(inpaintItem(input, fileName));
    files.push([new Blob([bytes], { type: mediaType }), fileName]);
  }
  return { items, files };
}

/**
 * The inputs fingerprint of a list of `inpaint_items` (as sent, or as a job object shows them):
 * each item's type, frame index, file name and crop bounds, in order.
 */
export function sora1InputsFingerprint(items: readonly unknown[]): string {
  return JSON.stringify(
    items.map((raw) => {
      const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const crop = (item.crop_bounds ?? null) as Record<string, unknown> | null;
      return [
        item.type ?? null,
        Number(item.frame_index ?? 0),
        item.file_name ?? null,
        crop === null
          ? null
          : [
              crop.left_fraction ?? 0,
              crop.top_fraction ?? 0,
              crop.right_fraction ?? 1,
              crop.bottom_fraction ?? 1,
            ],
      ];
    }),
  );
}

function inpaintItem(input: MediaInput, fileName: string): Record<string, unknown> {
  const item: Record<string, unknown> = {
    frame_index: input.frameIndex ?? 0,
    type: input.kind,
    file_name: fileName,
  };
  if (input.crop) {
    item.crop_bounds = {
      left_fraction: input.crop.left ?? 0,
      top_fraction: input.crop.top ?? 0,
      right_fraction: input.crop.right ?? 1,
      bottom_fraction: input.crop.bottom ?? 1,
    };
  }
  return item;
}

async function fileNameOf(input: MediaInput, index: number, mediaType: string, bytes: Blob): Promise<string> {
  if (input.fileName) return input.fileName;
  const source = input.source;
  if (!(source instanceof Blob) && !(source instanceof Uint8Array)) {
    const base = source.path.split(/[\\/]/).pop();
    if (base) return base;
  }
  if (typeof File !== 'undefined' && source instanceof File && source.name) return source.name;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await bytes.arrayBuffer()));
  const hash = [...digest.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `input-${index + 1}-${hash}.${EXTENSIONS[mediaType] ?? (input.kind === 'video' ? 'mp4' : 'jpg')}`;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${n}-${name}`;
  taken.add(candidate);
  return candidate;
}
