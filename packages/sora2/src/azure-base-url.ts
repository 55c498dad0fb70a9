import { ValidationError } from '@sora-kit/core';

/**
 * The `/openai/v1/` base URL of an Azure OpenAI resource from `https://NAME.openai.azure.com`,
 * with or without a trailing slash, `/openai` or `/openai/v1`.
 * @throws {ValidationError} (field `endpoint`) when it is not an http(s) URL.
 */
export function azureBaseURL(endpoint: string): string {
  let url: URL | undefined;
  try {
    url = new URL(endpoint.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ValidationError({
      issues: [
        {
          field: 'endpoint',
          value: endpoint,
          backend: 'azure-sora2',
          message: 'endpoint: not an http(s) URL; expected e.g. https://NAME.openai.azure.com',
        },
      ],
    });
  }
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/openai(?:\/v1)?$/i, '')
    .replace(/\/+$/, '');
  return `${url.origin}${path}/openai/v1/`;
}
