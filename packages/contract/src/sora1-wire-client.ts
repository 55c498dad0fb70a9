/**
 * Requests of the Azure video generation jobs API (Sora 1), each answer checked against
 * `@sora-kit/core/wire`.
 * @module
 */
import {
  type Sora1Generation,
  type Sora1Job,
  type Sora1JobList,
  sora1GenerationSchema,
  sora1JobListSchema,
  sora1JobSchema,
} from '@sora-kit/core/wire';
import { ContractFailure } from './contract-failure.js';
import type { CreateOptions, SettleLoop } from './sora2-wire-client.js';
import type { Exchanger } from './wire-exchange.js';
import type { WireResponse } from './wire-response.js';

/** One file part of a multipart create. */
export interface Sora1FilePart {
  /** File name (what an inpaint item's `file_name` refers to). */
  readonly name: string;
  /** The bytes. */
  readonly bytes: Uint8Array;
  /** Declared media type. */
  readonly type: string;
}

/** Sora 1 requests of one scenario run. */
export interface Sora1Client {
  /** The cheapest valid create fields: the deployment, 480x480, 1 s, 1 variant. */
  smallest(): { model: string; width: number; height: number; n_seconds: number; n_variants: number };
  /** `POST /video/generations/jobs` with a JSON body (sent as given). */
  create(body: Readonly<Record<string, unknown>>, options?: CreateOptions): Promise<WireResponse<Sora1Job>>;
  /** The same as multipart: text fields (objects as JSON strings) and `files` parts. */
  createMultipart(
    fields: Readonly<Record<string, unknown>>,
    files: readonly Sora1FilePart[],
    options?: CreateOptions,
  ): Promise<WireResponse<Sora1Job>>;
  /** `GET /video/generations/jobs/{id}`. */
  get(id: string): Promise<WireResponse<Sora1Job>>;
  /** `GET /video/generations/jobs?limit&after&before&statuses`. */
  list(query?: {
    limit?: number;
    after?: string;
    before?: string;
    statuses?: readonly string[];
  }): Promise<WireResponse<Sora1JobList>>;
  /** `DELETE /video/generations/jobs/{id}` (204, no body). */
  delete(id: string): Promise<WireResponse<never>>;
  /** `GET /video/generations/{generation-id}`. */
  generation(id: string): Promise<WireResponse<Sora1Generation>>;
  /** `GET|HEAD /video/generations/{generation-id}/content/{video|thumbnail}`. */
  content(
    generationId: string,
    kind: 'video' | 'thumbnail',
    options?: { quality?: 'high' | 'low'; method?: 'GET' | 'HEAD' },
  ): Promise<WireResponse<never>>;
  /** Polls the job until `succeeded`, `failed` or `cancelled`, moving time between polls. */
  waitForSettled(id: string): Promise<Sora1Job>;
}

const API_VERSION = 'api-version=preview';

/** Builds the Sora 1 client over an exchanger. */
export function createSora1Client(
  exchanger: Exchanger,
  endpoint: { baseUrl: string; headers: Readonly<Record<string, string>>; model: string },
  settle: SettleLoop,
): Sora1Client {
  const { baseUrl, headers } = endpoint;
  const jobs = `${baseUrl}/video/generations/jobs`;
  const job = (id: string) => `${jobs}/${encodeURIComponent(id)}?${API_VERSION}`;
  const startsJob = (options?: CreateOptions): 'expected' | 'unexpected' =>
    options?.expectRejection ? 'unexpected' : 'expected';
  const create = (body: unknown, options?: CreateOptions) =>
    exchanger.send({
      operation: 'POST /video/generations/jobs',
      method: 'POST',
      url: `${jobs}?${API_VERSION}`,
      headers,
      body,
      success: sora1JobSchema,
      startsJob: startsJob(options),
    });
  const client: Sora1Client = {
    smallest: () => ({ model: endpoint.model, width: 480, height: 480, n_seconds: 1, n_variants: 1 }),
    create,
    createMultipart: (fields, files, options) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) {
        form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      for (const file of files)
        form.append('files', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      return create(form, options);
    },
    get: (id) =>
      exchanger.send({
        operation: 'GET /video/generations/jobs/{id}',
        method: 'GET',
        url: job(id),
        headers,
        success: sora1JobSchema,
      }),
    list: (query = {}) => {
      const search = new URLSearchParams(API_VERSION);
      for (const [key, value] of Object.entries(query)) {
        if (value === undefined) continue;
        search.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
      return exchanger.send({
        operation: 'GET /video/generations/jobs',
        method: 'GET',
        url: `${jobs}?${search}`,
        headers,
        success: sora1JobListSchema,
      });
    },
    delete: (id) =>
      exchanger.send<never>({
        operation: 'DELETE /video/generations/jobs/{id}',
        method: 'DELETE',
        url: job(id),
        headers,
        success: 'empty',
      }),
    generation: (id) =>
      exchanger.send({
        operation: 'GET /video/generations/{id}',
        method: 'GET',
        url: `${baseUrl}/video/generations/${encodeURIComponent(id)}?${API_VERSION}`,
        headers,
        success: sora1GenerationSchema,
      }),
    content: (generationId, kind, options = {}) => {
      const method = options.method ?? 'GET';
      const quality = options.quality === undefined ? '' : `&quality=${options.quality}`;
      return exchanger.send<never>({
        operation: `${method} /video/generations/{id}/content/${kind}`,
        method,
        url: `${baseUrl}/video/generations/${encodeURIComponent(generationId)}/content/${kind}?${API_VERSION}${quality}`,
        headers,
        success: method === 'HEAD' ? 'empty' : 'binary',
      });
    },
    waitForSettled: (id) =>
      settle(
        `job ${id}`,
        async () => {
          const response = await client.get(id);
          if (response.status !== 200 || response.body === undefined) {
            throw new ContractFailure(
              `GET /video/generations/jobs/{id} answered ${response.status} while waiting for ${id}`,
            );
          }
          return response.body;
        },
        (value) => value.status === 'succeeded' || value.status === 'failed' || value.status === 'cancelled',
      ),
  };
  return client;
}
