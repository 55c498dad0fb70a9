import {
  type BackendId,
  type CreateCharacterRequest,
  type CreateVideoRequest,
  type EditVideoRequest,
  type ExtendVideoRequest,
  formatSize,
  type ProviderCallOptions,
  type ProviderCreateOptions,
  type ProviderDownloadOptions,
  type ProviderJobResult,
  type ProviderListOptions,
  type ProviderRequest,
  type RemixVideoRequest,
  readJsonResponse,
  SoraKitError,
  type VideoCharacter,
  type VideoDownload,
  type VideoJobPage,
  type VideoProvider,
} from '@sora-kit/core';
import { linkSignal } from './link-signal.js';
import { mapSora2Character } from './map-sora2-character.js';
import { mapSora2Error } from './map-sora2-error.js';
import { mapSora2Video } from './map-sora2-video.js';
import { sora2VideoListSchema } from './sora2-api.js';
import { azureHttp, openAIHttp, type Sora2Http } from './sora2-http.js';
import type { AzureSora2ProviderOptions, OpenAISora2ProviderOptions } from './sora2-provider-options.js';
import { isOpenAIClient, type OpenAIClientLike, sdkHttp } from './sora2-sdk-http.js';
import { toInputReference, toUpload } from './to-input-reference.js';

/** The `Idempotency-Key` header of a create, when the client gave one. */
function idempotency(options: ProviderCreateOptions): { headers?: Record<string, string> } {
  return options.idempotencyKey ? { headers: { 'Idempotency-Key': options.idempotencyKey } } : {};
}

/**
 * A multipart body, encoded as the `openai` SDK encodes its Videos requests: objects as
 * `key[name]`, arrays as `key[]`, files with their names; `undefined` fields left out.
 */
function multipart(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value instanceof Blob) form.append(key, value, value instanceof File ? value.name : 'blob');
    else if (Array.isArray(value)) for (const entry of value) add(`${key}[]`, entry);
    else if (value !== null && typeof value === 'object') {
      for (const [name, entry] of Object.entries(value)) add(`${key}[${name}]`, entry);
    } else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(fields)) add(key, value);
  return form;
}

const videoPath = (id: string) => `/videos/${encodeURIComponent(id)}`;

/** The OpenAI Videos API (Sora 2), on OpenAI or Azure, as a `VideoProvider` over plain `fetch`. */
export class Sora2Provider implements VideoProvider {
  readonly backend: 'openai-sora2' | 'azure-sora2';
  /** The default model (OpenAI) or the deployment (Azure). */
  readonly model: string | undefined;
  /** The base URL requests go to (`https://api.openai.com/v1`, `https://NAME.openai.azure.com/openai/v1`). */
  readonly baseURL: string;
  /** The `openai` SDK client requests go through, when the provider was constructed with one. */
  readonly client: OpenAIClientLike | undefined;
  private readonly http: Sora2Http['request'];

  /**
   * @param transport the fetch transport the factories build, or an `openai` SDK client
   *   (`new OpenAI(...)`, `new AzureOpenAI(...)`): then every request goes through the SDK (its
   *   auth, timeout and retries; pass `maxRetries: 0` to leave retries to the `VideoClient`).
   * @example
   * const provider = new Sora2Provider('openai-sora2', new OpenAI({ maxRetries: 0 }), 'sora-2');
   */
  constructor(
    backend: 'openai-sora2' | 'azure-sora2',
    transport: Sora2Http | OpenAIClientLike,
    model?: string,
  ) {
    this.backend = backend;
    this.client = isOpenAIClient(transport) ? transport : undefined;
    const http = isOpenAIClient(transport) ? sdkHttp(transport) : transport;
    this.http = http.request;
    this.baseURL = http.baseURL;
    this.model = model;
  }

  async create(request: CreateVideoRequest, options: ProviderCreateOptions = {}): Promise<ProviderJobResult> {
    const image = request.inputs?.find((input) => input.kind === 'image');
    const body = multipart({
      prompt: request.prompt,
      model: request.model ?? this.model,
      seconds: request.seconds === undefined ? undefined : String(request.seconds),
      size:
        request.size === undefined
          ? undefined
          : typeof request.size === 'string'
            ? request.size
            : formatSize(request.size),
      input_reference: image && image.kind === 'image' ? await toInputReference(image) : undefined,
      characters: request.characters?.length ? request.characters.map((id) => ({ id })) : undefined,
    });
    return this.job(options.signal, { method: 'POST', path: '/videos', body, ...idempotency(options) });
  }

  async get(id: string, options: ProviderCallOptions = {}): Promise<ProviderJobResult> {
    return this.job(options.signal, { method: 'GET', path: videoPath(id) });
  }

  async list(options: ProviderListOptions = {}): Promise<VideoJobPage> {
    return this.call(options.signal, async (signal) => {
      const response = await this.http({
        method: 'GET',
        path: '/videos',
        query: {
          limit: options.limit === undefined ? undefined : String(options.limit),
          after: options.cursor || undefined,
        },
        signal,
      });
      const page = sora2VideoListSchema.safeParse(await readJsonResponse(response, this.backend));
      if (!page.success) {
        throw new SoraKitError({
          message: `${this.backend} returned an unexpected video list`,
          cause: page.error,
        });
      }
      const jobs = (page.data.data ?? []).map((video) => mapSora2Video(video, this.backend));
      const last = page.data.last_id || jobs.at(-1)?.id;
      return { jobs, ...(page.data.has_more && last ? { nextCursor: last } : {}) };
    });
  }

  async delete(id: string, options: ProviderCallOptions = {}): Promise<void> {
    await this.call(options.signal, async (signal) => {
      const response = await this.http({ method: 'DELETE', path: videoPath(id), signal });
      await response.body?.cancel();
    });
  }

  async remix(
    id: string,
    request: RemixVideoRequest,
    options: ProviderCreateOptions = {},
  ): Promise<ProviderJobResult> {
    return this.job(options.signal, {
      method: 'POST',
      path: `${videoPath(id)}/remix`,
      body: { prompt: request.prompt },
      ...idempotency(options),
    });
  }

  async edit(
    id: string,
    request: EditVideoRequest,
    options: ProviderCallOptions = {},
  ): Promise<ProviderJobResult> {
    return this.job(options.signal, {
      method: 'POST',
      path: '/videos/edits',
      body: multipart({ prompt: request.prompt, video: { id } }),
    });
  }

  async extend(
    id: string,
    request: ExtendVideoRequest,
    options: ProviderCallOptions = {},
  ): Promise<ProviderJobResult> {
    return this.job(options.signal, {
      method: 'POST',
      path: '/videos/extensions',
      body: multipart({ prompt: request.prompt, seconds: String(request.seconds), video: { id } }),
    });
  }

  async createCharacter(
    request: CreateCharacterRequest,
    options: ProviderCallOptions = {},
  ): Promise<VideoCharacter> {
    const video = await toUpload(
      { source: request.video, mediaType: request.mediaType, fileName: request.fileName },
      'video',
    );
    return this.call(options.signal, async (signal) => {
      const response = await this.http({
        method: 'POST',
        path: '/videos/characters',
        body: multipart({ name: request.name, video }),
        signal,
      });
      return mapSora2Character(await readJsonResponse(response, this.backend), this.backend);
    });
  }

  async getCharacter(id: string, options: ProviderCallOptions = {}): Promise<VideoCharacter> {
    return this.call(options.signal, async (signal) => {
      const response = await this.http({
        method: 'GET',
        path: `/videos/characters/${encodeURIComponent(id)}`,
        signal,
      });
      return mapSora2Character(await readJsonResponse(response, this.backend), this.backend);
    });
  }

  /** Streams the video, its thumbnail or its spritesheet (`variant`). */
  async download(id: string, options: ProviderDownloadOptions = {}): Promise<VideoDownload> {
    const variant = options.variant ?? 'video';
    const response = await this.call(
      options.signal,
      (signal) =>
        this.http({
          method: 'GET',
          path: `${videoPath(id)}/content`,
          query: { variant },
          accept: 'application/binary',
          signal,
        }),
      { linkForCallOnly: false },
    );
    if (!response.body)
      throw new SoraKitError({ message: `${this.backend} sent no body for ${variant} of ${id}` });
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    return {
      stream: response.body,
      contentType:
        response.headers.get('content-type') ??
        (variant === 'video' ? 'video/mp4' : 'application/octet-stream'),
      ...(Number.isFinite(length) ? { contentLength: length } : {}),
    };
  }

  /** Sends a request answered by a video object; the poll hint from `openai-poll-after-ms`. */
  private job(
    signal: AbortSignal | undefined,
    request: Omit<ProviderRequest, 'signal'>,
  ): Promise<ProviderJobResult> {
    return this.call(signal, async (linked) => {
      const response = await this.http({ ...request, signal: linked });
      const job = mapSora2Video(await readJsonResponse(response, this.backend), this.backend);
      const pollAfter = Number(response.headers.get('openai-poll-after-ms') ?? Number.NaN);
      return { job, ...(Number.isFinite(pollAfter) ? { hint: { pollAfterMs: pollAfter } } : {}) };
    });
  }

  /**
   * Runs one call, with errors through {@link mapSora2Error}. A long `wait()` shares one signal
   * across many polls, so each call gets its own signal, linked to the caller's only for the
   * duration of the call: no listener is left on the caller's signal. Downloads keep the caller's
   * signal: their body outlives the call.
   */
  private async call<T>(
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal | undefined) => Promise<T>,
    { linkForCallOnly = true }: { linkForCallOnly?: boolean } = {},
  ): Promise<T> {
    const link = signal && linkForCallOnly ? linkSignal(signal) : undefined;
    try {
      return await run(link?.signal ?? signal);
    } catch (error) {
      throw mapSora2Error(error, {
        backend: this.backend,
        model: this.model,
        signal,
        url: this.baseURL,
      });
    } finally {
      link?.unlink();
    }
  }
}

/**
 * A Sora 2 provider for api.openai.com (or any OpenAI-compatible base URL).
 * @example
 * const provider = createOpenAISora2Provider({ apiKey: process.env.OPENAI_API_KEY!, model: 'sora-2' });
 */
export function createOpenAISora2Provider(options: OpenAISora2ProviderOptions): Sora2Provider {
  return new Sora2Provider('openai-sora2', openAIHttp(options), options.model);
}

/**
 * A Sora 2 provider for an Azure OpenAI resource (`/openai/v1/videos`, the deployment as `model`).
 * @example
 * const provider = createAzureSora2Provider({
 *   endpoint: 'https://my-resource.openai.azure.com',
 *   deployment: 'sora-2',
 *   credential: new DefaultAzureCredential(),
 * });
 */
export function createAzureSora2Provider(options: AzureSora2ProviderOptions): Sora2Provider {
  return new Sora2Provider('azure-sora2', azureHttp(options), options.deployment);
}

/** The backend a provider built by this package serves. */
export type Sora2Backend = Extract<BackendId, 'openai-sora2' | 'azure-sora2'>;
