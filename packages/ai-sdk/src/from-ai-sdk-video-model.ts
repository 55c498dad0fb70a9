/**
 * `fromAiSdkVideoModel`: any AI SDK video model as a sora-kit `VideoProvider`.
 * @module
 */
import {
  type BackendCapabilities,
  type CreateVideoRequest,
  type ProviderCallOptions,
  type ProviderDownloadOptions,
  type ProviderJobResult,
  parseSize,
  ValidationError,
  type VideoDownload,
  type VideoJob,
  type VideoJobPage,
  type VideoProvider,
} from '@sora-kit/core';
import {
  type AiSdkModelCapabilities,
  declaredCapabilities,
  type SizeParameter,
  toBackendCapabilities,
} from './ai-sdk-capabilities.js';
import { type AiSdkJobState, decodeJobId, encodeJobId, LOCAL_PREFIX } from './ai-sdk-job-id.js';
import type {
  JSONValue,
  VideoModelV4,
  VideoModelV4CallOptions,
  VideoModelV4OperationStatusResult,
  VideoModelV4VideoData,
} from './ai-sdk-types.js';
import { mapAiSdkError } from './map-ai-sdk-error.js';
import { toFilePart } from './media-file.js';
import { aspectRatioOf } from './pick-size.js';
import { type AnyVideoModel, upgradeVideoModel } from './upgrade-video-model.js';

/** Options of {@link fromAiSdkVideoModel}. */
export interface FromAiSdkVideoModelOptions {
  /** What the model accepts; merged over the defaults of well-known models (required for others). */
  capabilities?: AiSdkModelCapabilities;
  /** The backend id in jobs and handles (default `<model.provider>:<model.modelId>`). */
  backend?: string;
  /** `providerOptions` sent with every call, e.g. `{ fal: { resolution: '720p' } }`. */
  providerOptions?: VideoModelV4CallOptions['providerOptions'];
  /** Fetch for URL results (default `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch;
  /** Current time, epoch ms (default `Date.now`). */
  now?: () => number;
}

/** The provider `fromAiSdkVideoModel` returns: a `VideoProvider` plus the wrapped model. */
export interface AiSdkVideoProvider extends VideoProvider {
  readonly capabilities: BackendCapabilities;
  /** The wrapped model (V3 models upgraded). */
  readonly videoModel: VideoModelV4;
}

type LocalRun =
  | { state: 'running'; job: AiSdkJobState }
  | { state: 'done'; job: AiSdkJobState; videos: VideoModelV4VideoData[] }
  | { state: 'failed'; job: AiSdkJobState; message: string };

const RESULT_MEMORY = 256;

/**
 * Wraps an AI SDK video model (`VideoModelV4`, or `VideoModelV3` upgraded; from any copy of
 * `@ai-sdk/provider`) as a sora-kit provider:
 * `create` calls `doStart` (or runs `doGenerate` in the background), `get` calls `doStatus`,
 * `download` streams a URL result or the returned bytes. Job ids carry the operation JSON, so
 * handles of `doStart` models are durable across processes. The capabilities are declared by the
 * caller (defaults for well-known models: docs/ai-sdk.md) and checked before any call.
 * @throws {ValidationError} when a model without known defaults has no declared `sizes` and `seconds`.
 * @example
 * import { createFal } from '@ai-sdk/fal';
 * const provider = fromAiSdkVideoModel(createFal().video('luma-dream-machine'));
 * const client = createVideoClient({ provider });
 * const job = await client.generate({ prompt: 'a red fox in the snow', size: '1280x720', seconds: 5 });
 * await client.downloadToFile(job, 'fox.mp4');
 */
export function fromAiSdkVideoModel(
  model: AnyVideoModel,
  options: FromAiSdkVideoModelOptions = {},
): AiSdkVideoProvider {
  const videoModel = upgradeVideoModel(model);
  const backend = options.backend ?? `${videoModel.provider}:${videoModel.modelId}`;
  if (typeof backend !== 'string' || backend.trim() === '') {
    throw new ValidationError({
      issues: [{ field: 'backend', value: backend, message: 'backend: must be a non-empty id' }],
    });
  }
  const hasStart = typeof videoModel.doStart === 'function' && typeof videoModel.doStatus === 'function';
  if (!hasStart && typeof videoModel.doGenerate !== 'function') {
    throw new ValidationError({
      issues: [
        {
          field: 'model',
          value: videoModel.modelId,
          message: `model: ${videoModel.modelId} implements neither doStart/doStatus nor doGenerate`,
        },
      ],
    });
  }
  const modelMax = typeof videoModel.maxVideosPerCall === 'number' ? videoModel.maxVideosPerCall : undefined;
  const declared = declaredCapabilities(videoModel.modelId, options.capabilities, modelMax);
  const capabilities = toBackendCapabilities(backend, videoModel.modelId, declared);
  const sizeParameter: SizeParameter = declared.sizeParameter ?? 'both';
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const local = new Map<string, LocalRun>();
  const results = new Map<string, VideoModelV4VideoData[]>();
  const known = new Map<string, VideoJob>();
  let localCount = 0;

  const remember = <V>(map: Map<string, V>, id: string, value: V) => {
    map.delete(id);
    map.set(id, value);
    if (map.size > RESULT_MEMORY) map.delete(map.keys().next().value!);
  };

  const call = async <T>(fn: () => PromiseLike<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw mapAiSdkError(error, backend, videoModel.modelId);
    }
  };

  const toJob = (
    id: string,
    state: AiSdkJobState,
    status: VideoJob['status'],
    extra: Partial<VideoJob>,
  ): VideoJob => {
    const job: VideoJob = {
      id,
      backend,
      status,
      model: videoModel.modelId,
      width: state.width,
      height: state.height,
      seconds: state.seconds,
      variants: state.variants,
      createdAt: new Date(state.createdAt),
      outputs: [],
      raw: undefined,
      ...extra,
    };
    remember(known, id, job);
    return job;
  };

  const completed = (
    id: string,
    state: AiSdkJobState,
    videos: VideoModelV4VideoData[],
    raw: unknown,
  ): VideoJob => {
    remember(results, id, videos);
    return toJob(id, state, 'completed', {
      progress: 100,
      completedAt: new Date(now()),
      outputs: videos.map((_, index) => ({
        id: String(index),
        width: state.width,
        height: state.height,
        seconds: state.seconds,
        hasAudio: state.audio,
      })),
      raw,
    });
  };

  const callOptions = async (
    request: CreateVideoRequest,
    signal?: AbortSignal,
  ): Promise<VideoModelV4CallOptions> => {
    const size = typeof request.size === 'string' ? request.size : undefined;
    const images = (request.inputs ?? []).filter((input) => input.kind === 'image');
    const videos = (request.inputs ?? []).filter((input) => input.kind === 'video');
    const [first] = images;
    return {
      prompt: request.prompt,
      n: request.variants ?? 1,
      aspectRatio: size !== undefined && sizeParameter !== 'resolution' ? aspectRatioOf(size) : undefined,
      resolution:
        size !== undefined && sizeParameter !== 'aspectRatio' ? (size as `${number}x${number}`) : undefined,
      duration: request.seconds,
      fps: undefined,
      seed: undefined,
      image: first ? await toFilePart(first.source, first.mediaType) : undefined,
      frameImages: undefined,
      inputReferences:
        videos.length === 0
          ? undefined
          : await Promise.all(
              videos.map((video) => toFilePart(video.source, video.mediaType ?? 'video/mp4')),
            ),
      generateAudio: declared.audio ? true : undefined,
      providerOptions: options.providerOptions ?? {},
      ...(signal ? { abortSignal: signal } : {}),
    };
  };

  const stateOf = (request: CreateVideoRequest): AiSdkJobState => {
    const size = parseSize(request.size ?? capabilities.models[videoModel.modelId]!.defaultSize);
    return {
      operation: null,
      width: size?.width ?? 0,
      height: size?.height ?? 0,
      seconds: request.seconds ?? declared.defaultSeconds ?? 0,
      variants: request.variants ?? 1,
      audio: declared.audio ?? false,
      createdAt: now(),
    };
  };

  const statusJob = (
    id: string,
    state: AiSdkJobState,
    status: VideoModelV4OperationStatusResult,
  ): VideoJob => {
    if (status.status === 'pending') return toJob(id, state, 'in_progress', { raw: status });
    if (status.status === 'error') {
      return toJob(id, state, 'failed', {
        error: { code: 'generation_failed', message: status.error },
        completedAt: new Date(now()),
        raw: status,
      });
    }
    return completed(id, state, status.videos, status);
  };

  const read = async (id: string, signal?: AbortSignal): Promise<VideoJob> => {
    const run = local.get(id);
    if (run !== undefined) {
      if (run.state === 'running') return toJob(id, run.job, 'in_progress', {});
      if (run.state === 'failed')
        return toJob(id, run.job, 'failed', { error: { code: 'generation_failed', message: run.message } });
      return completed(id, run.job, run.videos, undefined);
    }
    const state = decodeJobId(id, backend);
    const doStatus = videoModel.doStatus!.bind(videoModel);
    const status = await call(() =>
      doStatus({ operation: state.operation, ...(signal ? { abortSignal: signal } : {}) }),
    );
    return statusJob(id, state, status);
  };

  return {
    backend,
    model: videoModel.modelId,
    capabilities,
    videoModel,

    async create(
      request: CreateVideoRequest,
      { signal }: ProviderCallOptions = {},
    ): Promise<ProviderJobResult> {
      const state = stateOf(request);
      const input = await callOptions(request, signal);
      if (hasStart) {
        const doStart = videoModel.doStart!.bind(videoModel);
        const started = await call(() => doStart(input));
        const id = encodeJobId({ ...state, operation: started.operation as JSONValue });
        return { job: toJob(id, { ...state, operation: started.operation }, 'queued', { raw: started }) };
      }
      localCount += 1;
      const id = `${LOCAL_PREFIX}${localCount}.${state.createdAt.toString(36)}`;
      local.set(id, { state: 'running', job: state });
      const doGenerate = videoModel.doGenerate!.bind(videoModel);
      // Not awaited, and not tied to the create call's signal: the job runs while the client polls
      // `get`, like a job of any other backend.
      const { abortSignal: _createSignal, ...generateInput } = input;
      call(() => doGenerate(generateInput)).then(
        (result) => local.set(id, { state: 'done', job: state, videos: result.videos }),
        (error: unknown) =>
          local.set(id, {
            state: 'failed',
            job: state,
            message: error instanceof Error ? error.message : String(error),
          }),
      );
      return { job: toJob(id, state, 'in_progress', {}) };
    },

    async get(id: string, { signal }: ProviderCallOptions = {}): Promise<ProviderJobResult> {
      return { job: await read(id, signal) };
    },

    async list(): Promise<VideoJobPage> {
      return { jobs: [...known.values()].reverse() };
    },

    async delete(id: string): Promise<void> {
      local.delete(id);
      results.delete(id);
      known.delete(id);
    },

    async download(
      id: string,
      { signal, variant, outputId }: ProviderDownloadOptions = {},
    ): Promise<VideoDownload> {
      if (variant !== undefined && variant !== 'video') {
        throw new ValidationError({
          issues: [
            {
              field: 'variant',
              value: variant,
              allowed: ['video'],
              backend,
              message: `variant: ${variant} is not available on ${backend}; allowed: video`,
            },
          ],
        });
      }
      let videos = results.get(id);
      if (videos === undefined) {
        const job = await read(id, signal);
        if (job.status !== 'completed') {
          throw new ValidationError({
            issues: [
              {
                field: 'id',
                value: id,
                backend,
                message: `id: job ${id} is ${job.status}; only a completed job has a video`,
              },
            ],
          });
        }
        videos = results.get(id) ?? [];
      }
      const index = outputId === undefined ? 0 : Number(outputId);
      const video = videos[index];
      if (video === undefined) {
        throw new ValidationError({
          issues: [
            {
              field: 'outputId',
              value: outputId,
              allowed: videos.map((_, each) => String(each)),
              backend,
              message: `outputId: ${String(outputId)} is not an output of job ${id}; allowed: ${videos.map((_, each) => each).join(', ')}`,
            },
          ],
        });
      }
      return toDownload(video, id, backend, fetchImpl, signal);
    },
  };
}

async function toDownload(
  video: VideoModelV4VideoData,
  id: string,
  backend: string,
  fetchImpl: typeof globalThis.fetch,
  signal: AbortSignal | undefined,
): Promise<VideoDownload> {
  if (video.type === 'uploaded') {
    throw new ValidationError({
      issues: [
        {
          field: 'id',
          value: id,
          backend,
          message: `id: job ${id} was delivered by the provider to your own storage; there is nothing to download`,
        },
      ],
    });
  }
  if (video.type === 'url') {
    const response = await fetchImpl(video.url, signal ? { signal } : {}).catch((error: unknown) => {
      throw mapAiSdkError(error, backend, id);
    });
    if (!response.ok || response.body === null) {
      throw mapAiSdkError(
        Object.assign(new Error(`download of ${video.url} failed: HTTP ${response.status}`), {
          name: 'AI_APICallError',
          url: video.url,
          statusCode: response.status,
          responseBody: await response.text().catch(() => ''),
        }),
        backend,
        id,
      );
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    return {
      stream: response.body,
      contentType: video.mediaType || response.headers.get('content-type') || 'video/mp4',
      ...(Number.isFinite(length) ? { contentLength: length } : {}),
    };
  }
  const bytes = video.type === 'base64' ? Uint8Array.from(Buffer.from(video.data, 'base64')) : video.data;
  return {
    stream: new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(),
    contentType: video.mediaType || 'video/mp4',
    contentLength: bytes.byteLength,
  };
}
