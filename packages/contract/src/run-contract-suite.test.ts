import { describe, expect, it } from 'vitest';
import { inProcessTarget } from './in-process-target.js';
import { liveTargetsFromEnv } from './live-targets-from-env.js';
import { type ContractTestApi, runContractSuite } from './run-contract-suite.js';

// The real thing, as a user's CI would use it: vitest imported lazily, one test per scenario and dialect.
await runContractSuite({
  target: inProcessTarget({ seed: 11 }),
  filter: ['missing-auth', 'create-complete-download', 'expiry'],
});

interface Registered {
  readonly name: string;
  readonly body: (context: { skip(note?: string): never }) => Promise<void>;
  readonly timeout: number | undefined;
}

function collector() {
  const tests: Registered[] = [];
  const groups: string[] = [];
  const after: Array<() => Promise<void> | void> = [];
  const api: ContractTestApi = {
    describe: (name, body) => {
      groups.push(name);
      body();
    },
    it: (name, body, timeout) => {
      tests.push({ name, body, timeout });
    },
    afterAll: (body) => {
      after.push(body);
    },
  };
  return { api, tests, groups, after };
}

class Skipped extends Error {}
const context = {
  skip(note?: string): never {
    throw new Skipped(note);
  },
};

describe('runContractSuite registration', () => {
  it('registers one test per scenario and dialect, with the timeout, and closes the target afterwards', async () => {
    const { api, tests, groups, after } = collector();
    let closed = 0;
    const target = {
      ...inProcessTarget(),
      close: async () => {
        closed += 1;
      },
    };
    await runContractSuite({ target, test: api, filter: 'invalid-field-size' });
    expect(groups).toEqual(['sora-kit contract: inprocess']);
    expect(tests.map((test) => [test.name, test.timeout])).toEqual([
      ['invalid-field-size [sora2-openai]', 60_000],
      ['invalid-field-size [sora2-azure]', 60_000],
    ]);
    for (const test of tests) await test.body(context);
    for (const hook of after) await hook();
    expect(closed).toBe(1);
  });

  it('a skipped live target marks each test skipped with its reason', async () => {
    const { api, tests } = collector();
    const [target] = liveTargetsFromEnv({});
    if (target === undefined) throw new Error('no target');
    await runContractSuite({ target, test: api, filter: 'missing-auth' });
    expect(tests).toHaveLength(3);
    await expect(tests[0]?.body(context)).rejects.toThrow(
      new Skipped('live targets are opt-in: set SORA_KIT_CONTRACT_LIVE=1 and credentials'),
    );
  });

  it('a failing scenario throws its reason', async () => {
    const { api, tests } = collector();
    const base = inProcessTarget();
    const target = { ...base, fetch: async () => new Response('not json', { status: 401 }) };
    await runContractSuite({ target, test: api, filter: 'missing-auth' });
    await expect(tests[0]?.body(context)).rejects.toThrow('GET /videos 401: body is not JSON: not json');
  });
});
