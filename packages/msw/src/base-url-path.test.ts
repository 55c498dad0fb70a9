import { describe, expect, it } from 'vitest';
import { basePath, trimBaseURL } from './base-url-path.js';

describe('basePath', () => {
  it.each([
    ['https://api.openai.com/v1', '/v1'],
    ['https://proxy.example/api/v1/', '/api/v1'],
    ['https://*.openai.azure.com', ''],
    ['https://*.openai.azure.com/', ''],
    ['http://localhost:8080/x?y=1', '/x'],
  ])('%s -> %j', (url, path) => {
    expect(basePath(url)).toBe(path);
  });

  it('refuses a relative or empty URL with a TypeError', () => {
    expect(() => basePath('/v1')).toThrow(TypeError);
    expect(() => trimBaseURL('')).toThrow(TypeError);
  });

  it('trims trailing slashes', () => {
    expect(trimBaseURL('https://proxy.example/api/v1//')).toBe('https://proxy.example/api/v1');
  });
});
