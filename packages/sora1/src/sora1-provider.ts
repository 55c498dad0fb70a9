import {
  type CreateVideoRequest,
  createProviderHttp,
  type MediaInput,
  type ProviderCallOptions,
  type ProviderCreateOptions,
  type ProviderDownloadOptions,
  type ProviderHttp,
  type ProviderJobResult,
  type ProviderListOptions,
  readJsonResponse,
  SoraKitError,
  ValidationError,
  type VideoDownload,
  type VideoJobPage,
  type VideoProvider,
} from '@sora-kit/core';
import {
  buildSora1CreateBody,
  sora1InpaintParts,
  sora1InputsFingerprint,
} from './build-sora1-create-body.js';
import { mapSora1Job } from './map-sora1-job.js';
import { normalizeEndpoint } from './normalize-endpoint.js';
import { sora1JobListSchema } from './sora1-api.js';
import { createSora1Auth } from './sora1-auth.js';
import type { Sora1ProviderOptions } from './sora1-provider-options.js';

const JOBS = '/video/generations/jobs';

/** The Azure OpenAI Sora 1 preview jobs API as a `VideoProvider` (plain fetch). */
export class Sora1Provider implements VideoProvider {
  readonly backend = 'azure-sora1' as const;
  /** The deployment name. */
  readonly model: string;
  /** The `/openai/v1` base URL requests go to. */
  readonly baseUrl: string;
  private readonly http: ProviderHttp;

  constructor(options: Sora1ProviderOptions) {
    if (!options.deployment) {
      throw new ValidationError({
        issues: [
          {
            field: 'deployment',
            value: options.deployment,
            backend: 'azure-sora1',
            message: 'deployment: required',
          },
        ],
      });
    }
    this.model = options.deployment;
    this.baseUrl = normalizeEndpoint(options.endpoint);
    this.http = createProviderHttp({
      backend: this.backend,
      baseUrl: this.baseUrl,
      query: { 'api-version': options.apiVersion ?? 'preview' },
      auth: createSora1Auth(options),
      fetch: options.fetch,
      headers: options.headers,
      model: options.deployment,
    });
  }

  async create(request: CreateVideoRequest, options: ProviderCreateOptions = {}): Promise<ProviderJobResult> {
    const body = await buildSora1CreateBody(request, this.model);
    return this.readJob(
      await this.http({
        method: 'POST',
        path: JOBS,
        body,
        signal: options.signal,
        ...(options.idempotencyKey ? { headers: { 'Idempotency-Key': options.idempotencyKey } } : {}),
      }),
    );
  }

  /** The fingerprint a job made from `inputs` shows (its `inpaint_items`), for create reconciliation. */
  async inputsFingerprint(inputs: readonly MediaInput[]): Promise<string> {
    return sora1InputsFingerprint((await sora1InpaintParts(inputs)).items);
  }

  async get(id: string, options: ProviderCallOptions = {}): Promise<ProviderJobResult> {
    return this.readJob(
      await this.http({ method: 'GET', path: `${JOBS}/${encodeURIComponent(id)}`, signal: options.signal }),
    );
  }

  async list(options: ProviderListOptions = {}): Promise<VideoJobPage> {
    const response = await this.http({
      method: 'GET',
      path: JOBS,
      query: { limit: String(options.limit ?? 10), after: options.cursor },
      signal: options.signal,
    });
    const page = sora1JobListSchema.safeParse(await readJsonResponse(response, 'azure-sora1'));
    if (!page.success) throw unexpected('job list', page.error);
    const jobs = (page.data.data ?? []).map(mapSora1Job);
    const last = page.data.last_id ?? jobs.at(-1)?.id;
    return { jobs, ...(page.data.has_more && last ? { nextCursor: last } : {}) };
  }

  async delete(id: string, options: ProviderCallOptions = {}): Promise<void> {
    const response = await this.http({
      method: 'DELETE',
      path: `${JOBS}/${encodeURIComponent(id)}`,
      signal: options.signal,
    });
    await response.body?.cancel();
  }

  /** Deleting an unfinished Sora 1 job cancels it. */
  async cancel(id: string, options: ProviderCallOptions = {}): Promise<void> {
    await this.delete(id, options);
  }

  /**
   * Streams the video (`quality` high or low) or the thumbnail of one generation. `id` is the job
   * id; `outputId` picks the generation (default the first, read from the job).
   */
  async download(id: string, options: ProviderDownloadOptions = {}): Promise<VideoDownload> {
    const variant = options.variant ?? 'video';
    if (variant !== 'video' && variant !== 'thumbnail') {
      throw new ValidationError({
        issues: [
          {
            field: 'variant',
            value: variant,
            allowed: ['video', 'thumbnail'],
            backend: this.backend,
            message: `variant: ${variant} is not available on azure-sora1; allowed: video, thumbnail`,
          },
        ],
      });
    }
    const generationId = options.outputId ?? (await this.firstOutput(id, options.signal));
    const response = await this.http({
      method: 'GET',
      path: `/video/generations/${encodeURIComponent(generationId)}/content/${variant}`,
      ...(variant === 'video' ? { query: { quality: options.quality ?? 'high' } } : {}),
      accept: variant === 'video' ? 'video/mp4' : 'image/*',
      signal: options.signal,
    });
    if (!response.body)
      throw new SoraKitError({ message: `azure-sora1 sent no body for ${variant} of ${id}` });
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    return {
      stream: response.body,
      contentType: response.headers.get('content-type') ?? (variant === 'video' ? 'video/mp4' : 'image/jpeg'),
      ...(Number.isFinite(length) ? { contentLength: length } : {}),
    };
  }

  private async firstOutput(id: string, signal: AbortSignal | undefined): Promise<string> {
    const { job } = await this.get(id, { signal });
    const first = job.outputs[0];
    if (!first) {
      throw new SoraKitError({
        message: `job ${id} has no output to download (status ${job.status})`,
      });
    }
    return first.id;
  }

  private async readJob(response: Response): Promise<ProviderJobResult> {
    const job = mapSora1Job(await readJsonResponse(response, 'azure-sora1'));
    const pollAfter = Number(response.headers.get('openai-poll-after-ms') ?? Number.NaN);
    return { job, ...(Number.isFinite(pollAfter) ? { hint: { pollAfterMs: pollAfter } } : {}) };
  }
}

function unexpected(what: string, cause: unknown): SoraKitError {
  return new SoraKitError({ message: `azure-sora1 returned an unexpected ${what}`, cause });
}

/**
 * Creates the Azure Sora 1 provider. Wrap it with `createClient` from `@sora-kit/core` (or use
 * `createVideoClient({ backend: 'azure-sora1', ... })` from `sora-kit`).
 * @example
 * const provider = createSora1Provider({
 *   endpoint: 'https://my-resource.openai.azure.com',
 *   deployment: 'sora',
 *   credential: new DefaultAzureCredential(),
 * });
 */
export function createSora1Provider(options: Sora1ProviderOptions): Sora1Provider {
  return new Sora1Provider(options);
}
