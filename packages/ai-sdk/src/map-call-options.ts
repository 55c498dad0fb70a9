/**
 * AI SDK video call options -> a sora-kit create request (or remix), with the AI SDK's warnings
 * for what the backend does not do.
 * @module
 */
import type { CreateVideoRequest, MediaInput, SizeString, VideoClient } from '@sora-kit/core';
import type { SharedV4Warning, VideoModelV4CallOptions, VideoModelV4File } from './ai-sdk-types.js';
import { fileBytes } from './media-file.js';
import { pickSeconds } from './pick-seconds.js';
import { pickSize } from './pick-size.js';
import { readSoraKitOptions, type SoraKitVideoProviderOptions } from './sora-kit-provider-options.js';

/** What one AI SDK call becomes. */
export interface MappedCall {
  /** The create request (checked by the client before anything is sent). */
  request: CreateVideoRequest;
  /** `providerOptions.soraKit`, read. */
  options: SoraKitVideoProviderOptions;
  /** Warnings for the AI SDK result. */
  warnings: SharedV4Warning[];
}

const isVideo = (file: VideoModelV4File) => (file.mediaType ?? '').startsWith('video/');

/**
 * Maps the AI SDK options onto a request of `client`'s backend: `prompt`; `image` and a
 * `first_frame` -> an image input at frame 0 (Sora 2 `input_reference`); a `last_frame` -> an image
 * at the last frame (Sora 1, which places images by frame index); `inputReferences` -> image or
 * video inputs; `aspectRatio` + `resolution` -> `size`; `duration` -> `seconds`; `n` -> `variants`;
 * `fps`, `seed` and `generateAudio` the backend cannot honour -> warnings.
 * @throws {ValidationError} for a size, duration or option no allowed value fits (nothing sent).
 */
export async function mapCallOptions(
  client: VideoClient,
  modelId: string | undefined,
  call: VideoModelV4CallOptions,
  fetchImpl: typeof globalThis.fetch,
): Promise<MappedCall> {
  const warnings: SharedV4Warning[] = [];
  const options = readSoraKitOptions(call.providerOptions, warnings);
  const model = options.model ?? modelId;
  const capabilities = client.capabilitiesFor(model);
  const size =
    (options.size as SizeString | undefined) ??
    pickSize(capabilities, call.aspectRatio, call.resolution, warnings);
  const seconds = options.seconds ?? pickSeconds(capabilities, call.duration, size, warnings);

  if (call.seed !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'seed',
      details: `${capabilities.backend} has no seed; results are not reproducible`,
    });
  }
  if (call.fps !== undefined && call.fps !== capabilities.inputs.framesPerSecond) {
    warnings.push({
      type: 'unsupported',
      feature: 'fps',
      details: `${capabilities.backend} renders at ${capabilities.inputs.framesPerSecond} fps`,
    });
  }
  if (call.generateAudio === false && capabilities.audio) {
    warnings.push({
      type: 'unsupported',
      feature: 'generateAudio',
      details: `${capabilities.backend} (${capabilities.model}) always generates audio; the video has an audio track`,
    });
  }
  if (call.generateAudio === true && !capabilities.audio) {
    warnings.push({
      type: 'unsupported',
      feature: 'generateAudio',
      details: `${capabilities.backend} (${capabilities.model}) makes silent videos`,
    });
  }

  const inputs: MediaInput[] = [];
  const add = async (file: VideoModelV4File, field: string, frameIndex?: number) => {
    const { bytes, mediaType } = await fileBytes(file, field, fetchImpl, call.abortSignal);
    const kind = (mediaType ?? '').startsWith('video/') ? 'video' : 'image';
    inputs.push({
      kind,
      source: bytes,
      ...(mediaType === undefined ? {} : { mediaType }),
      ...(frameIndex === undefined || frameIndex === 0 ? {} : { frameIndex }),
    } as MediaInput);
  };
  const firstFrame = call.frameImages?.find((frame) => frame.frameType === 'first_frame')?.image;
  const start = call.image ?? firstFrame;
  if (start) await add(start, 'image');
  for (const frame of call.frameImages ?? []) {
    if (frame.frameType !== 'last_frame') continue;
    if (!capabilities.inputs.frameIndex) {
      warnings.push({
        type: 'unsupported',
        feature: 'frameImages.last_frame',
        details: `${capabilities.backend} starts from one image and cannot end on one; the last frame image was not sent`,
      });
      continue;
    }
    const lastFrame = Math.max(
      0,
      (seconds ?? capabilities.defaultSeconds) * capabilities.inputs.framesPerSecond - 1,
    );
    await add(frame.image, 'frameImages', lastFrame);
  }
  for (const [index, reference] of (call.inputReferences ?? []).entries()) {
    const video = isVideo(reference);
    const supported = video ? capabilities.inputs.maxVideos > 0 : capabilities.inputs.maxImages > 0;
    if (!supported) {
      warnings.push({
        type: 'unsupported',
        feature: `inputReferences[${index}]`,
        details: `${capabilities.backend} takes no ${video ? 'video' : 'image'} references; not sent`,
      });
      continue;
    }
    await add(reference, `inputReferences[${index}]`);
  }

  const variants = options.variants ?? (call.n > 1 ? call.n : undefined);
  const request: CreateVideoRequest = {
    prompt: call.prompt ?? '',
    ...(size === undefined ? {} : { size }),
    ...(seconds === undefined ? {} : { seconds }),
    ...(variants === undefined ? {} : { variants }),
    ...(options.model === undefined
      ? modelId === undefined
        ? {}
        : { model: modelId }
      : { model: options.model }),
    ...(inputs.length === 0 ? {} : { inputs }),
  };
  return { request, options, warnings };
}
