import { describe, expect, it } from 'vitest';
import { createHttpFaultStore } from './http-fault-store.js';
import { InvalidRoutePatternError, parseRoutePattern } from './route-pattern.js';

describe('parseRoutePattern', () => {
  it('matches method and path; * in the path spans slashes; a bare path is any method', () => {
    const create = parseRoutePattern('post /v1/videos');
    expect(create.matches('POST', '/v1/videos')).toBe(true);
    expect(create.matches('GET', '/v1/videos')).toBe(false);
    expect(create.matches('POST', '/v1/videos/x')).toBe(false);
    const sora1 = parseRoutePattern('* /openai/v1/video/generations/jobs*');
    expect(sora1.matches('DELETE', '/openai/v1/video/generations/jobs/task_1')).toBe(true);
    expect(sora1.matches('GET', '/openai/v1/videos')).toBe(false);
    expect(parseRoutePattern('/v1/*/content').matches('GET', '/v1/videos/video_1/content')).toBe(true);
  });

  it('treats regex characters literally', () => {
    const pattern = parseRoutePattern('GET /v1/videos.(x)+');
    expect(pattern.matches('GET', '/v1/videos.(x)+')).toBe(true);
    expect(pattern.matches('GET', '/v1/videosA(x)xx')).toBe(false);
  });

  it('refuses malformed patterns', () => {
    for (const bad of ['', 'GET', 'GET /a /b', 'G3T /a', 'GET a']) {
      expect(() => parseRoutePattern(bad), bad).toThrow(InvalidRoutePatternError);
    }
  });
});

describe('createHttpFaultStore', () => {
  it('first matching rule wins and is used up; latency counts separately', () => {
    const store = createHttpFaultStore();
    expect(store.isEmpty()).toBe(true);
    store.addRouteFault({ route: 'GET /a*', count: 1, status: 500 });
    store.addRouteFault({ route: '/a', count: 2, status: 429 });
    store.addLatency({ latencyMs: 20, count: 1 });
    expect(store.take('GET', '/a')).toEqual({
      delayMs: 20,
      latency: { latencyMs: 20, count: 1 },
      fault: expect.objectContaining({ status: 500 }),
    });
    expect(store.take('GET', '/a')).toEqual({
      delayMs: 0,
      latency: null,
      fault: expect.objectContaining({ status: 429 }),
    });
    expect(store.list().routes).toEqual([{ route: '/a', count: 1, status: 429 }]);
    expect(store.take('POST', '/a').fault?.status).toBe(429);
    expect(store.take('GET', '/a')).toEqual({ delayMs: 0, fault: null });
    expect(store.isEmpty()).toBe(true);
  });

  it('refuses bad counts, statuses and delays', () => {
    const store = createHttpFaultStore();
    expect(() => store.addRouteFault({ route: '/a', count: 0, status: 500 })).toThrow(RangeError);
    expect(() => store.addRouteFault({ route: '/a', count: 1, status: 302 })).toThrow(RangeError);
    expect(() => store.addLatency({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => store.addLatency({ latencyMs: 10, count: 1.5 })).toThrow(RangeError);
  });
});
