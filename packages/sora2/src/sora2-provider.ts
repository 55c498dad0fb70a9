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
  type RemixVideoRequest,
  SoraKitError,
  type VideoCharacter,
  type VideoDownload,
  type VideoJobPage,
  type VideoProvider,
} from '@sora-kit/core';
import type OpenAI from 'openai';
import { linkSignal } from './link-signal.js';
import { mapSora2Character } from './map-sora2-character.js';
import { mapSora2Error } from './map-sora2-error.js';
import { mapSora2Video } from './map-sora2-video.js';
import { azureOpenAIClient, openAIClient } from './sora2-openai-client.js';
import type { AzureSora2ProviderOptions, OpenAISora2ProviderOptions } from './sora2-provider-options.js';
import { toInputReference, toUpload } from './to-input-reference.js';

type VideoCreateParams = OpenAI.Videos.VideoCreateParams;

/** The `Idempotency-Key` header of a create, when the client gave one. */
function idempotency(options: ProviderCreateOptions): { headers?: Record<string, string> } {
  return options.idempotencyKey ? { headers: { 'Idempotency-Key': options.idempotencyKey } } : {};
}

/** The OpenAI Videos API (Sora 2), on OpenAI or Azure, as a `VideoProvider` over the `openai` SDK. */
export class Sora2Provider implements VideoProvider {
  readonly backend: 'openai-sora2' | 'azure-sora2';
  /** The default model (OpenAI) or the deployment (Azure). */
  readonly model: string | undefined;
  /** The SDK client (its own retries are off). */
  readonly client: OpenAI;

  constructor(backend: 'openai-sora2' | 'azure-sora2', client: OpenAI, model?: string) {
    this.backend = backend;
    this.client = client;
    this.model = model;
  }

  async create(request: CreateVideoRequest, options: ProviderCreateOptions = {}): Promise<ProviderJobResult> {
    const body: VideoCreateParams = { prompt: request.prompt };
    const model = request.model ?? this.model;
    if (model) body.model = model;
    if (request.seconds !== undefined) body.seconds = String(request.seconds) as VideoCreateParams['seconds'];
    if (request.size !== undefined) {
      body.size = (
        typeof request.size === 'string' ? request.size : formatSize(request.size)
      ) as VideoCreateParams['size'];
    }
    const image = request.inputs?.find((input) => input.kind === 'image');
    if (image && image.kind === 'image') body.input_reference = await toInputReference(image);
    // `characters` is in the guide but not yet in the SDK's types; the SDK sends it as given.
    if (request.characters?.length) {
      (body as VideoCreateParams & { characters?: { id: string }[] }).characters = request.characters.map(
        (id) => ({ id }),
      );
    }
    return this.call(options.signal, async (signal) =>
      this.read(await this.client.videos.create(body, { signal, ...idempotency(options) }).withResponse()),
    );
  }

  async get(id: string, options: ProviderCallOptions = {}): Promise<ProviderJobResult> {
    return this.call(options.signal, async (signal) =>
      this.read(await this.client.videos.retrieve(id, { signal }).withResponse()),
    );
  }

  async list(options: ProviderListOptions = {}): Promise<VideoJobPage> {
    return this.call(options.signal, async (signal) => {
      const page = await this.client.videos.list(
        {
          ...(options.limit === undefined ? {} : { limit: options.limit }),
          ...(options.cursor ? { after: options.cursor } : {}),
        },
        { signal },
      );
      const jobs = page.getPaginatedItems().map((video) => mapSora2Video(video, this.backend));
      const last = page.last_id || jobs.at(-1)?.id;
      return { jobs, ...(page.has_more && last ? { nextCursor: last } : {}) };
    });
  }

  async delete(id: string, options: ProviderCallOptions = {}): Promise<void> {
    await this.call(options.signal, (signal) => this.client.videos.delete(id, { signal }));
  }

  async remix(
    id: string,
    request: RemixVideoRequest,
    options: ProviderCreateOptions = {},
  ): Promise<ProviderJobResult> {
    return this.call(options.signal, async (signal) =>
      this.read(
        await this.client.videos
          .remix(id, { prompt: request.prompt }, { signal, ...idempotency(options) })
          .withResponse(),
      ),
    );
  }

  async edit(
    id: string,
    request: EditVideoRequest,
    options: ProviderCallOptions = {},
  ): Promise<ProviderJobResult> {
    return this.call(options.signal, async (signal) =>
      this.read(
        await this.client.videos.edit({ prompt: request.prompt, video: { id } }, { signal }).withResponse(),
      ),
    );
  }

  async extend(
    id: string,
    request: ExtendVideoRequest,
    options: ProviderCallOptions = {},
  ): Promise<ProviderJobResult> {
    const seconds = String(request.seconds) as OpenAI.Videos.VideoExtendParams['seconds'];
    return this.call(options.signal, async (signal) =>
      this.read(
        await this.client.videos
          .extend({ prompt: request.prompt, seconds, video: { id } }, { signal })
          .withResponse(),
      ),
    );
  }

  async createCharacter(
    request: CreateCharacterRequest,
    options: ProviderCallOptions = {},
  ): Promise<VideoCharacter> {
    const video = await toUpload(
      { source: request.video, mediaType: request.mediaType, fileName: request.fileName },
      'video',
    );
    return this.call(options.signal, async (signal) =>
      mapSora2Character(
        await this.client.videos.createCharacter({ name: request.name, video }, { signal }),
        this.backend,
      ),
    );
  }

  async getCharacter(id: string, options: ProviderCallOptions = {}): Promise<VideoCharacter> {
    return this.call(options.signal, async (signal) =>
      mapSora2Character(await this.client.videos.getCharacter(id, { signal }), this.backend),
    );
  }

  /** Streams the video, its thumbnail or its spritesheet (`variant`). */
  async download(id: string, options: ProviderDownloadOptions = {}): Promise<VideoDownload> {
    const variant = options.variant ?? 'video';
    const response = await this.call(
      options.signal,
      (signal) => this.client.videos.downloadContent(id, { variant }, { signal }),
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

  private read({ data, response }: { data: unknown; response: Response }): ProviderJobResult {
    const job = mapSora2Video(data, this.backend);
    const pollAfter = Number(response.headers.get('openai-poll-after-ms') ?? Number.NaN);
    return { job, ...(Number.isFinite(pollAfter) ? { hint: { pollAfterMs: pollAfter } } : {}) };
  }

  /**
   * Runs one SDK call. The SDK adds an abort listener to the signal it is given and never removes
   * it, so a long `wait()` that shares one signal across many polls would pile up listeners (Node
   * warns after 10). Each call therefore gets its own signal, linked to the caller's only for the
   * duration of the call. Downloads keep the caller's signal: their body outlives the call.
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
        url: this.client.baseURL,
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
  return new Sora2Provider('openai-sora2', openAIClient(options), options.model);
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
  return new Sora2Provider('azure-sora2', azureOpenAIClient(options), options.deployment);
}

/** The backend a provider built by this package serves. */
export type Sora2Backend = Extract<BackendId, 'openai-sora2' | 'azure-sora2'>;
