import { ValidationError } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { normalizeEndpoint } from './normalize-endpoint.js';

describe('normalizeEndpoint', () => {
  it.each([
    'https://res.openai.azure.com',
    'https://res.openai.azure.com/',
    'https://res.openai.azure.com/openai',
    'https://res.openai.azure.com/openai/v1',
    'https://res.openai.azure.com/openai/v1/',
    ' https://res.openai.azure.com// ',
  ])('%s -> the /openai/v1 base', (endpoint) => {
    expect(normalizeEndpoint(endpoint)).toBe('https://res.openai.azure.com/openai/v1');
  });

  it('keeps a proxy path prefix and a port', () => {
    expect(normalizeEndpoint('http://127.0.0.1:8080/proxy/openai/v1')).toBe(
      'http://127.0.0.1:8080/proxy/openai/v1',
    );
  });

  it.each(['res.openai.azure.com', 'ftp://res', ''])('refuses %j', (endpoint) => {
    expect(() => normalizeEndpoint(endpoint)).toThrow(ValidationError);
  });
});
