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
    const fileName = uniqueName(fileNameOf(input, index, mediaType), names);
    items.push(inpaintItem(input, fileName));
    files.push([new Blob([bytes], { type: mediaType }), fileName]);
  }
  form.append('inpaint_items', JSON.stringify(items));
  for (const [blob, fileName] of files) form.append('files', blob, fileName);
  return form;
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

function fileNameOf(input: MediaInput, index: number, mediaType: string): string {
  if (input.fileName) return input.fileName;
  const source = input.source;
  if (!(source instanceof Blob) && !(source instanceof Uint8Array)) {
    const base = source.path.split(/[\\/]/).pop();
    if (base) return base;
  }
  if (typeof File !== 'undefined' && source instanceof File && source.name) return source.name;
  return `input-${index + 1}.${EXTENSIONS[mediaType] ?? (input.kind === 'video' ? 'mp4' : 'jpg')}`;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${n}-${name}`;
  taken.add(candidate);
  return candidate;
}
