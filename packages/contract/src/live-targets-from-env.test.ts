import { describe, expect, it } from 'vitest';
import { ContractConfigError } from './contract-failure.js';
import { liveTargetsFromEnv } from './live-targets-from-env.js';
import { runContract } from './run-contract.js';
import { contractScenarios } from './scenarios/index.js';

const openaiEnv = { SORA_KIT_CONTRACT_LIVE: '1', OPENAI_API_KEY: 'sk-live' };

describe('liveTargetsFromEnv', () => {
  it('is opt-in: without SORA_KIT_CONTRACT_LIVE=1 one skipped target with the reason', () => {
    const targets = liveTargetsFromEnv({ OPENAI_API_KEY: 'sk-live' });
    expect(targets.map((target) => [target.name, target.skipReason])).toEqual([
      ['live', 'live targets are opt-in: set SORA_KIT_CONTRACT_LIVE=1 and credentials'],
    ]);
  });

  it('says which credentials are missing', () => {
    expect(liveTargetsFromEnv({ SORA_KIT_CONTRACT_LIVE: '1' })[0]?.skipReason).toMatch(
      /no credentials: set OPENAI_API_KEY/,
    );
    expect(
      liveTargetsFromEnv({
        SORA_KIT_CONTRACT_LIVE: '1',
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      })[0]?.skipReason,
    ).toMatch(/AZURE_OPENAI_API_KEY is not set/);
    expect(
      liveTargetsFromEnv({
        SORA_KIT_CONTRACT_LIVE: '1',
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'k',
      })[0]?.skipReason,
    ).toMatch(/AZURE_OPENAI_SORA2_DEPLOYMENT/);
  });

  it('builds OpenAI and Azure endpoints from the environment', () => {
    const [openai, azure] = liveTargetsFromEnv({
      ...openaiEnv,
      OPENAI_BASE_URL: 'https://proxy.example/v1/',
      AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'az-key',
      AZURE_OPENAI_SORA1_DEPLOYMENT: 'my-sora',
      AZURE_OPENAI_SORA2_DEPLOYMENT: 'my-sora-2',
    });
    expect(openai?.dialects).toEqual(['sora2-openai']);
    expect(openai?.endpoint('sora2-openai', { isolationKey: 'x' })).toEqual({
      baseUrl: 'https://proxy.example/v1',
      headers: { authorization: 'Bearer sk-live' },
      model: 'sora-2',
    });
    expect(azure?.dialects).toEqual(['sora2-azure', 'sora1-azure']);
    expect(azure?.endpoint('sora1-azure', { isolationKey: 'x' })).toEqual({
      baseUrl: 'https://r.openai.azure.com/openai/v1',
      headers: { 'api-key': 'az-key' },
      model: 'my-sora',
    });
    expect(azure?.capabilities).toMatchObject({
      live: true,
      controlsClock: false,
      canInjectFaults: false,
      maxJobs: 2,
    });
  });

  it('reads the cost guard from SORA_KIT_CONTRACT_MAX_JOBS; the option wins; bad values throw', () => {
    expect(
      liveTargetsFromEnv({ ...openaiEnv, SORA_KIT_CONTRACT_MAX_JOBS: '5' })[0]?.capabilities.maxJobs,
    ).toBe(5);
    expect(
      liveTargetsFromEnv({ ...openaiEnv, SORA_KIT_CONTRACT_MAX_JOBS: '5' }, { maxJobs: 1 })[0]?.capabilities
        .maxJobs,
    ).toBe(1);
    expect(() => liveTargetsFromEnv({ ...openaiEnv, SORA_KIT_CONTRACT_MAX_JOBS: 'lots' })).toThrow(
      ContractConfigError,
    );
  });
});

describe('the cost guard on a live target', () => {
  it('skips emulator-only scenarios and refuses scenarios beyond max-jobs, before any request', async () => {
    const requests: string[] = [];
    const [target] = liveTargetsFromEnv(openaiEnv, {
      maxJobs: 0,
      fetch: async (request) => {
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        return new Response('{}', { status: 500 });
      },
    });
    if (target === undefined) throw new Error('no target');
    const report = await runContract({
      targets: [target],
      filter: ['create-complete-download', 'expiry', 'remix'],
    });
    const served = report.results.filter((result) => !result.notServed);
    expect(
      report.results
        .filter((result) => result.notServed)
        .every((result) => result.dialect !== 'sora2-openai'),
    ).toBe(true);
    expect(served.map((result) => [result.scenario, result.status, result.reason])).toEqual([
      [
        'create-complete-download',
        'skipped',
        expect.stringMatching(/^cost guard: needs 1 job\(s\), 0 left of max-jobs 0/),
      ],
      ['remix', 'skipped', expect.stringMatching(/^cost guard: needs 2 job\(s\)/)],
      ['expiry', 'skipped', 'emulator-only (needs a controllable clock and fault injection)'],
    ]);
    expect(requests).toEqual([]);
  });

  it('spends the budget in scenario order and stops a scenario that starts more jobs than it declared', async () => {
    let created = 0;
    const [target] = liveTargetsFromEnv(openaiEnv, {
      maxJobs: 1,
      fetch: async (request) => {
        if (request.method !== 'POST') return new Response('{}', { status: 500 });
        created += 1;
        const video = {
          id: `video_${created}`,
          object: 'video',
          model: 'sora-2',
          status: 'queued',
          progress: 0,
          created_at: 1,
          completed_at: null,
          expires_at: null,
          prompt: 'p',
          size: '720x1280',
          seconds: '4',
          remixed_from_video_id: null,
          error: null,
        };
        return new Response(JSON.stringify(video), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    if (target === undefined) throw new Error('no target');
    const greedy = contractScenarios.find((scenario) => scenario.name === 'quota');
    if (greedy === undefined) throw new Error('no quota scenario');
    const cheat = { ...greedy, emulatorOnly: false, jobs: 1, jobsOn: () => 1 };
    const report = await runContract({ targets: [target], scenarios: [cheat] });
    expect(report.results[0]?.reason).toMatch(
      /^cost guard: POST \/videos would start job 2, but this scenario may start at most 1/,
    );
    expect(created).toBe(1);
    expect(report.targets[0]?.jobs).toBe(1);
  });
});
