/**
 * Requests of the OpenAI Videos API (Sora 2, OpenAI and Azure hosts), each answer checked
 * against `@sora-kit/core/wire`.
 * @module
 */
import {
  type Sora2Character,
  type Sora2DeletedVideo,
  type Sora2Video,
  type Sora2VideoList,
  sora2CharacterSchema,
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
  /** `POST /videos/edits` (multipart, as the SDK sends it: `prompt`, `video[id]`). */
  edit(body: { prompt: string; videoId: string }, options?: CreateOptions): Promise<WireResponse<Sora2Video>>;
  /** `POST /videos/extensions` (multipart: `prompt`, `seconds`, `video[id]`). */
  extend(
    body: { prompt: string; seconds: string; videoId: string },
    options?: CreateOptions,
  ): Promise<WireResponse<Sora2Video>>;
  /** `POST /videos/characters` (multipart: `name` and the clip as `video`). */
  createCharacter(body: { name: string; clip: Uint8Array }): Promise<WireResponse<Sora2Character>>;
  /** `GET /videos/characters/{character_id}`. */
  getCharacter(id: string): Promise<WireResponse<Sora2Character>>;
  /** Polls `GET /videos/{id}` until `completed` or `failed`, moving time between polls. */
  waitForSettled(id: string): Promise<Sora2Video>;
}

/** A multipart body of string fields. */
function form(fields: Readonly<Record<string, string>>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
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
    edit: (body, options) =>
      exchanger.send({
        operation: 'POST /videos/edits',
        method: 'POST',
        url: `${baseUrl}/videos/edits`,
        headers,
        body: form({ prompt: body.prompt, 'video[id]': body.videoId }),
        success: sora2VideoSchema,
        startsJob: startsJob(options),
      }),
    extend: (body, options) =>
      exchanger.send({
        operation: 'POST /videos/extensions',
        method: 'POST',
        url: `${baseUrl}/videos/extensions`,
        headers,
        body: form({ prompt: body.prompt, seconds: body.seconds, 'video[id]': body.videoId }),
        success: sora2VideoSchema,
        startsJob: startsJob(options),
      }),
    createCharacter: (body) => {
      const data = form({ name: body.name });
      data.set('video', new File([new Uint8Array(body.clip)], 'character.mp4', { type: 'video/mp4' }));
      return exchanger.send({
        operation: 'POST /videos/characters',
        method: 'POST',
        url: `${baseUrl}/videos/characters`,
        headers,
        body: data,
        success: sora2CharacterSchema,
      });
    },
    getCharacter: (id) =>
      exchanger.send({
        operation: 'GET /videos/characters/{id}',
        method: 'GET',
        url: `${baseUrl}/videos/characters/${encodeURIComponent(id)}`,
        headers,
        success: sora2CharacterSchema,
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
