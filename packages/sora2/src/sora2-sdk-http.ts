import type { ProviderRequest } from '@sora-kit/core';
import type { Sora2Http } from './sora2-http.js';

/** Options of one request of the SDK's generic methods (`client.get(path, options)`, ...). */
export interface OpenAIClientRequestOptions {
  query?: Readonly<Record<string, string | undefined>> | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * What this package uses of an `openai` SDK client (`new OpenAI(...)` or `new AzureOpenAI(...)`,
 * v6): its base URL and its generic request methods. Typed by shape, so `@sora-kit/sora2` does not
 * depend on the SDK.
 */
export interface OpenAIClientLike {
  readonly baseURL: string;
  get(path: string, options?: OpenAIClientRequestOptions): { asResponse(): Promise<Response> };
  post(path: string, options?: OpenAIClientRequestOptions): { asResponse(): Promise<Response> };
  delete(path: string, options?: OpenAIClientRequestOptions): { asResponse(): Promise<Response> };
}

/** Whether the transport given to `Sora2Provider` is an SDK client rather than a {@link Sora2Http}. */
export function isOpenAIClient(value: Sora2Http | OpenAIClientLike): value is OpenAIClientLike {
  return 'get' in value && typeof value.get === 'function';
}

/**
 * The requests of the provider sent through a user's SDK client: its auth, base URL, default
 * query and headers, timeout and retries apply; its errors are mapped by `mapSora2Error`.
 */
export function sdkHttp(client: OpenAIClientLike): Sora2Http {
  return {
    baseURL: client.baseURL,
    request: ({ method, path, query, body, accept, headers, signal }: ProviderRequest) => {
      const options: OpenAIClientRequestOptions = {
        headers: { ...(accept ? { accept } : {}), ...headers },
      };
      if (query) options.query = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
      if (body !== undefined) options.body = body;
      if (signal) options.signal = signal;
      const send = method === 'GET' ? client.get : method === 'POST' ? client.post : client.delete;
      return send.call(client, path, options).asResponse();
    },
  };
}
