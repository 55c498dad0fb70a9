/**
 * A sora-kit `VideoClient` as an AI SDK `VideoModelV4`.
 * @module
 */
import type { VideoClient, VideoJob } from '@sora-kit/core';
import type {
  JSONValue,
  SharedV4Warning,
  VideoModelV4,
  VideoModelV4CallOptions,
  VideoModelV4OperationStartResult,
  VideoModelV4OperationStatusResult,
  VideoModelV4Result,
  VideoModelV4VideoData,
} from './ai-sdk-types.js';
import { mapCallOptions } from './map-call-options.js';
import { parseOperation, type SoraKitOperation } from './sora-kit-operation.js';

/** Settings of one model of {@link createSoraKit}. */
export interface SoraKitVideoModelSettings {
  /** Fetch used for URL inputs (default `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch;
  /** Current time for response timestamps (default the client's clock). */
  now?: () => number;
}

const MEDIA_TYPE = 'video/mp4';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The `VideoModelV4` of a sora-kit client: `doStart` creates the job (validated, through the
 * concurrency gate) and returns `{ soraKit: 1, handle }`; `doStatus` reads the job by that handle
 * and, once completed, downloads its outputs as bytes; `doGenerate` does both with the client's
 * own waiting (poll hints, retries). `handleWebhookOption` exists when the backend sends webhooks.
 */
export class SoraKitVideoModel implements VideoModelV4 {
  readonly specificationVersion = 'v4' as const;
  readonly provider: string;
  readonly modelId: string;
  /** The client the model talks through. */
  readonly client: VideoClient;
  readonly maxVideosPerCall: number;
  readonly handleWebhookOption?: VideoModelV4['handleWebhookOption'];
  private readonly requestModel: string | undefined;
  private readonly settings: SoraKitVideoModelSettings;

  constructor(client: VideoClient, modelId: string | undefined, settings: SoraKitVideoModelSettings = {}) {
    this.client = client;
    this.settings = settings;
    this.requestModel = modelId;
    const capabilities = client.capabilitiesFor(modelId ?? client.provider.model);
    this.modelId = modelId ?? client.provider.model ?? capabilities.model;
    this.provider = `sora-kit.${client.backend}`;
    this.maxVideosPerCall = capabilities.variants.max;
    if (capabilities.webhooks) {
      this.handleWebhookOption = async ({ webhook }) => {
        const { url, received } = await webhook();
        return { webhookUrl: url, received };
      };
    }
  }

  async doStart(
    options: VideoModelV4CallOptions & { webhookUrl?: string },
  ): Promise<VideoModelV4OperationStartResult> {
    const { job, warnings, operation } = await this.start(options);
    if (options.webhookUrl !== undefined) {
      warnings.push({
        type: 'other',
        message: `${this.client.backend} sends video webhooks to the endpoint configured for the project (OpenAI dashboard, or the emulator's --webhook-url), not per request: make sure ${options.webhookUrl} is that endpoint`,
      });
    }
    return {
      operation: operation as unknown as JSONValue,
      warnings,
      providerMetadata: { soraKit: metadata(job, operation.handle) },
      response: this.response(),
    };
  }

  async doStatus(options: {
    operation: JSONValue;
    abortSignal?: AbortSignal;
  }): Promise<VideoModelV4OperationStatusResult> {
    const operation = parseOperation(options.operation);
    const job = await this.client.get(
      operation.handle,
      options.abortSignal ? { signal: options.abortSignal } : {},
    );
    const providerMetadata = { soraKit: metadata(job, operation.handle) };
    if (job.status === 'queued' || job.status === 'in_progress') {
      return { status: 'pending', providerMetadata, response: this.response() };
    }
    if (job.status !== 'completed') {
      return {
        status: 'error',
        error: job.error ? `${job.error.code}: ${job.error.message}` : `the job was ${job.status}`,
        providerMetadata,
        response: this.response(),
      };
    }
    return {
      status: 'completed',
      videos: await this.videos(job, operation, options.abortSignal),
      warnings: [],
      providerMetadata,
      response: this.response(),
    };
  }

  async doGenerate(options: VideoModelV4CallOptions): Promise<VideoModelV4Result> {
    const { job: started, warnings, operation } = await this.start(options);
    const signal = options.abortSignal;
    const job = await this.client.wait(started, signal ? { signal } : {});
    return {
      videos: await this.videos(job, operation, signal),
      warnings,
      providerMetadata: { soraKit: metadata(job, operation.handle) },
      response: this.response(),
    };
  }

  private async start(
    options: VideoModelV4CallOptions,
  ): Promise<{ job: VideoJob; warnings: SharedV4Warning[]; operation: SoraKitOperation }> {
    const fetchImpl = this.settings.fetch ?? globalThis.fetch;
    const {
      request,
      options: soraKit,
      warnings,
    } = await mapCallOptions(this.client, this.requestModel, options, fetchImpl);
    const signal = options.abortSignal;
    const job =
      soraKit.remixOf === undefined
        ? await this.client.create(request, signal ? { signal } : {})
        : await this.client.remix(soraKit.remixOf, { prompt: request.prompt }, signal ? { signal } : {});
    const operation: SoraKitOperation = {
      soraKit: 1,
      handle: this.client.toHandle(job),
      ...(soraKit.quality ? { quality: soraKit.quality } : {}),
    };
    return { job, warnings, operation };
  }

  private async videos(
    job: VideoJob,
    operation: SoraKitOperation,
    signal: AbortSignal | undefined,
  ): Promise<VideoModelV4VideoData[]> {
    const videos: VideoModelV4VideoData[] = [];
    for (const output of job.outputs) {
      const download = await this.client.download(operation.handle, {
        output,
        ...(operation.quality ? { quality: operation.quality } : {}),
        ...(signal ? { signal } : {}),
      });
      videos.push({
        type: 'binary',
        data: await readAll(download.stream),
        mediaType: download.contentType || MEDIA_TYPE,
      });
    }
    return videos;
  }

  private response() {
    const now = this.settings.now?.() ?? Date.now();
    return { timestamp: new Date(now), modelId: this.modelId, headers: undefined };
  }
}

function metadata(job: VideoJob, handle: string) {
  return {
    handle,
    jobId: job.id,
    backend: job.backend,
    status: job.status,
    ...(job.progress === undefined ? {} : { progress: job.progress }),
    outputs: job.outputs.map((output) => ({ ...output })),
  };
}
