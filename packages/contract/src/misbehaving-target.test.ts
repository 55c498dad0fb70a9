import { describe, expect, it } from 'vitest';
import { inProcessTarget } from './in-process-target.js';
import { runContract } from './run-contract.js';
import type { ContractFetch, Target } from './target.js';

/** A real emulator behind a fetch that corrupts some answers: the kit must notice. */
function corrupted(rewrite: (request: Request, response: Response) => Promise<Response>): Target {
  const base = inProcessTarget({ seed: 3 });
  const fetch: ContractFetch = async (request) => rewrite(request, await base.fetch(request.clone()));
  return { ...base, name: 'corrupted', fetch };
}

async function rewriteJson(
  response: Response,
  edit: (body: Record<string, unknown>) => unknown,
): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  return new Response(JSON.stringify(edit(body)), { status: response.status, headers: response.headers });
}

describe('a target that breaks the contract fails the scenario', () => {
  it('a video body missing a required field (progress) fails create-complete-download', async () => {
    const target = corrupted(async (request, response) =>
      request.method === 'POST' && new URL(request.url).pathname === '/v1/videos' && response.ok
        ? rewriteJson(response, ({ progress: _dropped, ...rest }) => rest)
        : response,
    );
    const report = await runContract({ targets: [target], filter: 'create-complete-download' });
    const openai = report.results.find((result) => result.dialect === 'sora2-openai');
    expect(openai?.status).toBe('failed');
    expect(openai?.reason).toMatch(/POST \/videos 200: body breaks the strict wire schema: progress/);
    expect(report.results.find((result) => result.dialect === 'sora2-azure')?.status).toBe('passed');
    expect(report.ok).toBe(false);
    expect(report.failed).toBe(1);
  });

  it('an unknown extra field in a Sora 1 job fails (strict schema)', async () => {
    const target = corrupted(async (request, response) =>
      request.url.includes('/video/generations/jobs/') && request.method === 'GET' && response.ok
        ? rewriteJson(response, (body) => ({ ...body, quality: 'standard' }))
        : response,
    );
    const report = await runContract({ targets: [target], filter: 'create-complete-download' });
    const sora1 = report.results.find((result) => result.dialect === 'sora1-azure');
    expect(sora1?.status).toBe('failed');
    expect(sora1?.reason).toMatch(/Unrecognized key.*quality/i);
  });

  it('accepting an invalid field (200 instead of 400) fails the invalid-field scenario', async () => {
    const target = corrupted(async (request, response) =>
      response.status === 400 && request.method === 'POST'
        ? new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
        : response,
    );
    const report = await runContract({ targets: [target], filter: 'invalid-field-seconds' });
    expect(report.results.map((result) => result.status)).toEqual(['failed', 'failed']);
    expect(report.results[0]?.reason).toMatch(/POST \/videos 200: body breaks the strict wire schema/);
  });

  it('an error body outside the envelope fails, and so does a missing param', async () => {
    const flat = corrupted(async (_request, response) =>
      response.status === 401 ? rewriteJson(response, (body) => ({ ...body, extra: true })) : response,
    );
    const report = await runContract({ targets: [flat], filter: 'missing-auth' });
    expect(report.results.find((result) => result.dialect === 'sora2-openai')?.reason).toMatch(
      /401: error body breaks the error envelope: .*Unrecognized key: "extra"/,
    );
    const noParam = corrupted(async (_request, response) =>
      response.status === 400
        ? rewriteJson(response, (body) => ({ error: { ...(body.error as object), param: null } }))
        : response,
    );
    const second = await runContract({ targets: [noParam], filter: 'invalid-field-size' });
    expect(second.results[0]?.reason).toMatch(/expected param "size", got null/);
  });

  it('a 204 delete that sends a body, and a video that is not an MP4, fail', async () => {
    const target = corrupted(async (request, response) => {
      if (response.status === 204) return new Response('{"deleted":true}', { status: 200 });
      if (request.url.includes('/content') && response.headers.get('content-type') === 'video/mp4') {
        return new Response(new Uint8Array(64), { status: 200, headers: { 'content-type': 'video/mp4' } });
      }
      return response;
    });
    const report = await runContract({ targets: [target], filter: ['delete', 'create-complete-download'] });
    const byName = (scenario: string, dialect: string) =>
      report.results.find((result) => result.scenario === scenario && result.dialect === dialect);
    expect(byName('delete', 'sora1-azure')?.reason).toMatch(
      /DELETE \/video\/generations\/jobs\/\{id\} 200: expected no body/,
    );
    expect(byName('create-complete-download', 'sora2-openai')?.reason).toMatch(/video content: not an MP4/);
  });

  it('an extension that lasts only the extension fails extend (seconds are source + extension)', async () => {
    const target = corrupted(async (request, response) =>
      request.method === 'POST' && new URL(request.url).pathname === '/v1/videos/extensions' && response.ok
        ? rewriteJson(response, (body) => ({ ...body, seconds: '4' }))
        : response,
    );
    const report = await runContract({ targets: [target], filter: 'extend' });
    const openai = report.results.find((result) => result.dialect === 'sora2-openai');
    expect(openai?.status).toBe('failed');
    expect(openai?.reason).toBe('extension seconds (source + extension): expected "8", got "4"');
    expect(report.results.find((result) => result.dialect === 'sora2-azure')?.status).toBe('passed');
  });

  it('an edit at another size fails edit, and an edit the Azure host accepts fails on Azure', async () => {
    const target = corrupted(async (request, response) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/v1/videos/edits' && response.ok)
        return rewriteJson(response, (body) => ({ ...body, size: '1280x720' }));
      if (pathname === '/openai/v1/videos/edits')
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      return response;
    });
    const report = await runContract({ targets: [target], filter: 'edit' });
    const reasons = Object.fromEntries(report.results.map((result) => [result.dialect, result.reason]));
    expect(reasons['sora2-openai']).toBe('edit keeps size: expected "720x1280", got "1280x720"');
    expect(reasons['sora2-azure']).toMatch(/POST \/videos\/edits 200: body breaks the strict wire schema/);
  });

  it('a character read back under another name fails characters', async () => {
    const target = corrupted(async (request, response) =>
      request.method === 'GET' &&
      new URL(request.url).pathname.startsWith('/v1/videos/characters/') &&
      response.ok
        ? rewriteJson(response, (body) => ({ ...body, name: 'Someone else' }))
        : response,
    );
    const report = await runContract({ targets: [target], filter: 'characters' });
    const openai = report.results.find((result) => result.dialect === 'sora2-openai');
    expect(openai?.status).toBe('failed');
    expect(openai?.reason).toMatch(/^character name read back: expected "Robot kit\w+", got "Someone else"$/);
  });
});
