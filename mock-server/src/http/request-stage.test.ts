import { describe, expect, it } from 'vitest';
import { afterAnswer, chainStages, type RequestStage, requestTarget } from './request-stage.js';

const request = (url: string) => new Request(url);

describe('request stages', () => {
  it('run outermost first and stay synchronous while every step answers synchronously', async () => {
    const seen: string[] = [];
    const tag =
      (name: string): RequestStage =>
      (_request, _env, next) => {
        seen.push(`${name} in`);
        return afterAnswer(next(), (response) => {
          seen.push(`${name} out`);
          return response;
        });
      };
    const handle = chainStages([tag('a'), tag('b')], () => new Response('routed'));
    const answer = handle(request('http://localhost/x'), undefined);
    expect(answer).toBeInstanceOf(Response);
    expect(seen).toEqual(['a in', 'b in', 'b out', 'a out']);
    expect(await (answer as Response).text()).toBe('routed');

    const later = chainStages([tag('c')], async () => new Response('later'));
    const pending = later(request('http://localhost/x'), undefined);
    expect(pending).toBeInstanceOf(Promise);
    expect(await (await pending).text()).toBe('later');
    expect(seen.at(-1)).toBe('c out');
  });

  it('a stage can answer without the route', async () => {
    let routed = 0;
    const refuse: RequestStage = () => new Response(null, { status: 503 });
    const handle = chainStages([refuse], () => {
      routed += 1;
      return new Response('routed');
    });
    expect(((await handle(request('http://localhost/x'), undefined)) as Response).status).toBe(503);
    expect(routed).toBe(0);
  });

  it('reads path and query as URL does for a normalised URL', () => {
    for (const url of [
      'http://localhost/v1/videos?limit=2&after=video_1',
      'http://127.0.0.1:4000/',
      'http://localhost/a%20b/c?',
      'http://[::1]:80/x?y=1#frag',
    ]) {
      const parsed = new URL(url);
      expect(requestTarget(request(url)), url).toBe(`${parsed.pathname}${parsed.search}`);
    }
  });
});
