import { ValidationError } from '@sora-kit/core';

/**
 * The `/openai/v1` base URL of an Azure OpenAI resource. Accepts
 * `https://NAME.openai.azure.com` with or without a trailing slash, `/openai` or `/openai/v1`.
 * @throws {ValidationError} (field `endpoint`) when it is not an http(s) URL.
 */
export function normalizeEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw invalid(endpoint, 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(endpoint, 'not an http(s) URL');
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/openai(?:\/v1)?$/i, '')
    .replace(/\/+$/, '');
  return `${url.origin}${path}/openai/v1`;
}

function invalid(endpoint: string, problem: string): ValidationError {
  return new ValidationError({
    issues: [
      {
        field: 'endpoint',
        value: endpoint,
        backend: 'azure-sora1',
        message: `endpoint: ${problem}; expected e.g. https://NAME.openai.azure.com`,
      },
    ],
  });
}
