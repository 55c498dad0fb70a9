/**
 * Edits and extensions on the wire: the source (`video`: `{ id }` of a completed video or an
 * uploaded MP4) and `seconds` checked against the capability table, then handed to the engine.
 * A source that is not completed is a 400 naming `video`; an unknown or another key's id, 404.
 * @module
 */
import type { Capabilities } from '@sora-kit/core';
import type { EmulatorContext } from '../../emulator.js';
import type { EditJobInput } from '../../engine/engine.js';
import { EngineError } from '../../engine/errors.js';
import type { JobView } from '../../engine/job-view.js';
import type { HostFamily } from '../../http/credential.js';
import { UploadedFile } from '../../http/uploaded-file.js';
import type { VideoSourceBody } from './sora2-body-schema.js';
import { invalidParam } from './sora2-errors.js';
import { quoteList, resolveSora2Model } from './sora2-model.js';
import { readVideoUpload } from './sora2-video-upload.js';

/** What a derived job starts from, resolved: the engine source and the model's capabilities. */
interface ResolvedSource {
  readonly source: EditJobInput['source'];
  readonly capabilities: Capabilities;
  /** The source's duration (the stitched total for an extension chain). */
  readonly seconds: number;
}

const maxSeconds = (capabilities: Capabilities): number =>
  Array.isArray(capabilities.seconds)
    ? Math.max(...(capabilities.seconds as readonly number[]))
    : (capabilities.seconds as { max: number }).max;

async function resolveSource(
  emulator: EmulatorContext,
  host: HostFamily,
  partition: string,
  video: VideoSourceBody,
): Promise<ResolvedSource> {
  if (!(video instanceof UploadedFile)) {
    const view = emulator.engine.getJob(partition, video.id, 'sora2');
    const capabilities = resolveSora2Model(emulator, host, view.job.model).capabilities;
    return { source: { id: video.id }, capabilities, seconds: view.job.seconds };
  }
  // An upload has no model of its own; the body has no `model`: the default model (ruling).
  const model = resolveSora2Model(emulator, host, undefined);
  const upload = await readVideoUpload(video);
  const size = `${upload.width}x${upload.height}`;
  if (!model.capabilities.sizes.includes(size as never)) {
    throw invalidParam(
      'video',
      `Invalid 'video': its size ${size} is not supported; supported sizes for model '${model.name}' are: ${quoteList(model.capabilities.sizes)}.`,
    );
  }
  const seconds = Math.max(1, Math.round(upload.durationSeconds));
  const longest = maxSeconds(model.capabilities);
  if (seconds > longest) {
    throw invalidParam(
      'video',
      `Invalid 'video': it lasts ${upload.durationSeconds.toFixed(2)} s; uploaded sources may last at most ${longest} s on model '${model.name}'.`,
    );
  }
  return {
    source: {
      upload: { width: upload.width, height: upload.height, seconds, input: upload.input },
      model: model.name,
      expiryBasis: host === 'azure' ? 'createdAt' : 'finishedAt',
    },
    capabilities: model.capabilities,
    seconds,
  };
}

/** An upload's extras on the new record (its wire `size`); a source id lends its own. */
type DerivedExtras = { metadata?: { size: string } };

/**
 * Resolves `video`, then starts the derived job with `start`; a source that is not completed
 * becomes a 400 naming `video`.
 */
async function deriveVideo(
  emulator: EmulatorContext,
  host: HostFamily,
  partition: string,
  video: VideoSourceBody,
  start: (resolved: ResolvedSource, extras: DerivedExtras) => JobView,
): Promise<JobView> {
  const resolved = await resolveSource(emulator, host, partition, video);
  const { source } = resolved;
  const extras: DerivedExtras =
    'upload' in source ? { metadata: { size: `${source.upload.width}x${source.upload.height}` } } : {};
  try {
    return start(resolved, extras);
  } catch (error) {
    if (EngineError.isInstance(error) && error.code === 'invalid_state') {
      throw invalidParam('video', error.message, 'invalid_value');
    }
    throw error;
  }
}

/**
 * `POST /videos/edits`: a new video with the source's size and seconds and the edit prompt.
 * @throws WireError (400 naming `video` or `prompt`, 404), engine errors
 */
export function editVideo(
  emulator: EmulatorContext,
  host: HostFamily,
  partition: string,
  body: { prompt: string; video: VideoSourceBody },
): Promise<JobView> {
  return deriveVideo(emulator, host, partition, body.video, ({ source }, extras) =>
    emulator.engine.editJob({ partition, prompt: body.prompt, source, ...extras }),
  );
}

/**
 * `POST /videos/extensions`: the source continued for `seconds`; the new video lasts the total.
 * @throws WireError (400 naming `seconds` or `video`, 404), engine errors
 */
export function extendVideo(
  emulator: EmulatorContext,
  host: HostFamily,
  partition: string,
  body: { prompt: string; seconds: string; video: VideoSourceBody },
): Promise<JobView> {
  return deriveVideo(emulator, host, partition, body.video, ({ source, capabilities }, extras) => {
    const rules = capabilities.extension;
    const seconds = Number(body.seconds);
    if (!/^\d+$/.test(body.seconds) || !rules.seconds.includes(seconds)) {
      throw invalidParam(
        'seconds',
        `Invalid value: '${body.seconds}'. Supported values are: ${quoteList(rules.seconds.map(String))}.`,
      );
    }
    return emulator.engine.extendJob({
      partition,
      prompt: body.prompt,
      seconds,
      source,
      limits: { maxExtensions: rules.maxExtensions, maxTotalSeconds: rules.maxTotalSeconds },
      ...extras,
    });
  });
}
