/**
 * Requests of the OpenAI Videos API (Sora 2, OpenAI and Azure hosts), each answer checked
 * against `@sora-kit/core/wire`.
 * @module
 */
import {
  type Sora2DeletedVideo,
  type Sora2Video,
  type Sora2VideoList,
  sora2DeletedVideoSchema,
  sora2VideoListSchema,
  sora2VideoSchema,
} from '@sora-kit/core/wire';
import { ContractFailure } from './contract-failure.js';
import type { Exchanger } from './wire-exchange.js';
import type { WireResponse } from './wire-response.js';

/** Waits until `poll` returns a settled value, moving the target's time between polls. */
export type SettleLoop = <T>(
  label: string,
  poll: () => Promise<T>,
  isSettled: (value: T) => boolean,
) => Promise<T>;

/** Per-request options of job-creating calls. */
export interface CreateOptions {
  /** The request should be refused: the cost guard does not reserve a job for it (a 2xx still counts). */
  readonly expectRejection?: boolean;
}

/** Sora 2 requests of one scenario run. */
export interface Sora2Client {
  /** The cheapest valid create fields: the endpoint's model, `720x1280`, `"4"`. */
  smallest(): { model: string; size: string; seconds: string };
  /** `POST /videos` with a JSON body (sent as given). */
  create(body: Readonly<Record<string, unknown>>, options?: CreateOptions): Promise<WireResponse<Sora2Video>>;
  /** `GET /videos/{id}`. */
  get(id: string): Promise<WireResponse<Sora2Video>>;
  /** `GET /videos?limit&after&order`. */
  list(query?: {
    limit?: number;
    after?: string;
    order?: 'asc' | 'desc';
  }): Promise<WireResponse<Sora2VideoList>>;
  /** `DELETE /videos/{id}`. */
  delete(id: string): Promise<WireResponse<Sora2DeletedVideo>>;
  /** `GET /videos/{id}/content?variant=`: binary on success. */
  content(id: string, variant?: 'video' | 'thumbnail' | 'spritesheet'): Promise<WireResponse<never>>;
  /** `POST /videos/{id}/remix`. */
  remix(id: string, body: { prompt: string }, options?: CreateOptions): Promise<WireResponse<Sora2Video>>;
  /** Polls `GET /videos/{id}` until `completed` or `failed`, moving time between polls. */
  waitForSettled(id: string): Promise<Sora2Video>;
}

/** Builds the Sora 2 client over an exchanger. */
export function createSora2Client(
  exchanger: Exchanger,
  endpoint: { baseUrl: string; headers: Readonly<Record<string, string>>; model: string },
  settle: SettleLoop,
): Sora2Client {
  const { baseUrl, headers } = endpoint;
  const path = (id: string) => `${baseUrl}/videos/${encodeURIComponent(id)}`;
  const startsJob = (options?: CreateOptions): 'expected' | 'unexpected' =>
    options?.expectRejection ? 'unexpected' : 'expected';
  const client: Sora2Client = {
    smallest: () => ({ model: endpoint.model, size: '720x1280', seconds: '4' }),
    create: (body, options) =>
      exchanger.send({
        operation: 'POST /videos',
        method: 'POST',
        url: `${baseUrl}/videos`,
        headers,
        body,
        success: sora2VideoSchema,
        startsJob: startsJob(options),
      }),
    get: (id) =>
      exchanger.send({
        operation: 'GET /videos/{id}',
        method: 'GET',
        url: path(id),
        headers,
        success: sora2VideoSchema,
      }),
    list: (query = {}) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined) search.set(key, String(value));
      const suffix = search.size === 0 ? '' : `?${search}`;
      return exchanger.send({
        operation: 'GET /videos',
        method: 'GET',
        url: `${baseUrl}/videos${suffix}`,
        headers,
        success: sora2VideoListSchema,
      });
    },
    delete: (id) =>
      exchanger.send({
        operation: 'DELETE /videos/{id}',
        method: 'DELETE',
        url: path(id),
        headers,
        success: sora2DeletedVideoSchema,
      }),
    content: (id, variant) =>
      exchanger.send<never>({
        operation: `GET /videos/{id}/content${variant === undefined ? '' : `?variant=${variant}`}`,
        method: 'GET',
        url: `${path(id)}/content${variant === undefined ? '' : `?variant=${variant}`}`,
        headers,
        success: 'binary',
      }),
    remix: (id, body, options) =>
      exchanger.send({
        operation: 'POST /videos/{id}/remix',
        method: 'POST',
        url: `${path(id)}/remix`,
        headers,
        body,
        success: sora2VideoSchema,
        startsJob: startsJob(options),
      }),
    waitForSettled: (id) =>
      settle(
        `video ${id}`,
        async () => {
          const response = await client.get(id);
          if (response.status !== 200 || response.body === undefined) {
            throw new ContractFailure(`GET /videos/{id} answered ${response.status} while waiting for ${id}`);
          }
          return response.body;
        },
        (video) => video.status === 'completed' || video.status === 'failed',
      ),
  };
  return client;
}
