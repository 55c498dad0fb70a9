import { type GateEvent, type GateSlot, GateUnavailableError } from '@sora-kit/core';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisConcurrencyGate } from './create-redis-concurrency-gate.js';
import { gateKeys } from './gate-scripts.js';
import type { RedisConcurrencyGate } from './redis-concurrency-gate.js';
import type { RedisConcurrencyGateOptions } from './redis-gate-options.js';
import { type GateHolder, startGateHolder } from './test-support/gate-holder.js';
import { freePort, privateRedis, sharedRedisUrl, uniquePrefix } from './test-support/redis-server.js';

const url = sharedRedisUrl();
const opened: RedisConcurrencyGate[] = [];
const holders: GateHolder[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(holders.splice(0).map((holder) => holder.kill()));
  await Promise.all(opened.splice(0).map((gate) => gate.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

type GateOptions = Partial<Omit<RedisConcurrencyGateOptions, 'url' | 'client'>> & { url?: string };

/** N gates on one name, each with its own connections, as N processes would have. */
function gates(count: number, options: GateOptions & { keyPrefix: string }) {
  const events: GateEvent[][] = [];
  const warnings: string[] = [];
  const made = Array.from({ length: count }, () => {
    const gate = createRedisConcurrencyGate({
      url: options.url ?? url,
      name: 'openai:shared',
      limit: 2,
      leaseMs: 2000,
      onWarning: (message) => warnings.push(message),
      ...options,
    });
    const seen: GateEvent[] = [];
    events.push(seen);
    gate.attach({
      probe: async () => false,
      delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      probeIntervalMs: 1000,
      onEvent: (event) => seen.push(event),
    });
    opened.push(gate);
    return gate;
  });
  return { gates: made, events, warnings, index };
  function index(n: number): RedisConcurrencyGate {
    return made[n]!;
  }
}

/** A raw client on the same Redis, to look at the gate's keys. */
async function inspect(keyPrefix: string, redisUrl = url) {
  const client = createClient({ url: redisUrl });
  client.on('error', () => undefined);
  await client.connect();
  cleanups.push(async () => {
    await client.close();
  });
  const keys = gateKeys(keyPrefix, 'openai:shared');
  return {
    client,
    keys,
    holders: () => client.zRange(keys.holders, 0, -1),
    queued: () => client.zCard(keys.queue),
  };
}

/** Resolves once `predicate()` is true, checking on every Redis round trip of `probe`. */
async function until(predicate: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`never happened: ${what}`);
}

describe('createRedisConcurrencyGate', () => {
  it('refuses bad options, naming the field', () => {
    expect(() => createRedisConcurrencyGate({ url, name: '', limit: 2 })).toThrow(/name: must be/);
    expect(() => createRedisConcurrencyGate({ url, name: 'x', limit: 0 })).toThrow(/limit: must be/);
    expect(() => createRedisConcurrencyGate({ url, name: 'x', limit: 2, leaseMs: -1 })).toThrow(/leaseMs/);
    expect(() => createRedisConcurrencyGate({ url: '', name: 'x', limit: 2 })).toThrow(/url: give a redis/);
  });

  it('accepts a node-redis client and leaves it open on close', async () => {
    const keyPrefix = uniquePrefix();
    const client = createClient({ url });
    client.on('error', () => undefined);
    await client.connect();
    const gate = createRedisConcurrencyGate({ client, name: 'openai:shared', limit: 1, keyPrefix });
    const slot = await gate.acquire();
    expect(await client.zCard(gateKeys(keyPrefix, 'openai:shared').holders)).toBe(1);
    slot.release();
    await gate.close();
    expect(client.isReady).toBe(true);
    expect(await client.zCard(gateKeys(keyPrefix, 'openai:shared').holders)).toBe(0);
    await client.close();
  });
});

describe('RedisConcurrencyGate across processes', () => {
  it('holds at most `limit` slots across gates and grants in one FIFO order with positions', async () => {
    const keyPrefix = uniquePrefix();
    const { index } = gates(3, { keyPrefix });
    const look = await inspect(keyPrefix);
    const a1 = await index(0).acquire();
    const a2 = await index(0).acquire();
    expect(await look.holders()).toHaveLength(2);
    const order: string[] = [];
    const positions: Record<string, number[]> = { b1: [], c1: [], b2: [] };
    const queue = (name: string, gate: RedisConcurrencyGate): Promise<GateSlot> =>
      gate.acquire({ onQueuePosition: (p) => positions[name]!.push(p) }).then((slot) => {
        order.push(name);
        return slot;
      });
    const b1 = queue('b1', index(1));
    await until(async () => (await look.queued()) === 1, 'b1 queued');
    const c1 = queue('c1', index(2));
    await until(async () => (await look.queued()) === 2, 'c1 queued');
    const b2 = queue('b2', index(1));
    await until(async () => positions.b2!.length > 0, 'b2 told its position');
    expect(positions).toEqual({ b1: [1], c1: [2], b2: [3] });
    expect(index(1).queued).toBe(3); // as last seen in Redis, by the gate that queued last
    expect(index(1).available).toBe(0);

    a1.release();
    await b1;
    expect(order).toEqual(['b1']);
    await until(() => positions.b2!.at(-1) === 2, 'b2 moves up');
    expect(await look.holders()).toHaveLength(2);
    a2.release();
    await c1;
    (await b1).release();
    await b2;
    expect(order).toEqual(['b1', 'c1', 'b2']);
    expect(positions).toEqual({ b1: [1, 0], c1: [2, 1, 0], b2: [3, 2, 1, 0] });
    expect(await look.holders()).toHaveLength(2);
  });

  it('never holds more than `limit` under racing acquires from several gates', async () => {
    const keyPrefix = uniquePrefix();
    const { gates: all } = gates(5, { keyPrefix, limit: 3 });
    const look = await inspect(keyPrefix);
    let held = 0;
    let most = 0;
    let granted = 0;
    const runs = Array.from({ length: 40 }, async (_, n) => {
      const slot = await all[n % all.length]!.acquire();
      held++;
      granted++;
      most = Math.max(most, held, await look.client.zCard(look.keys.holders));
      await new Promise((resolve) => setImmediate(resolve));
      held--;
      slot.release();
    });
    await Promise.all(runs);
    expect(granted).toBe(40);
    expect(most).toBe(3);
    await until(async () => (await look.holders()).length === 0, 'all slots given back');
    expect(await look.queued()).toBe(0);
  });

  it('a holder killed with SIGKILL loses its slot when its lease runs out, within leaseMs', async () => {
    const keyPrefix = uniquePrefix();
    const leaseMs = 600;
    const holder = startGateHolder(url, keyPrefix, 'openai:shared', 1, leaseMs);
    holders.push(holder);
    holder.send('acquire video_1');
    const { token } = (await holder.next((line) => line.type === 'acquired')) as { token: string };
    const look = await inspect(keyPrefix);
    const { index } = gates(1, { keyPrefix, limit: 1, leaseMs });
    const waiting = index(0).acquire();
    await until(async () => (await look.queued()) === 1, 'queued behind the holder');
    await holder.kill('SIGKILL');
    // Read Redis's time after the kill: the holder may have renewed its lease just before it died.
    const [seconds, micros] = await look.client.time();
    const nowMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const expiry = await look.client.zScore(look.keys.holders, token);
    expect(expiry).not.toBeNull();
    expect(expiry! - nowMs).toBeLessThanOrEqual(leaseMs);
    const slot = await waiting;
    expect(await look.holders()).toEqual([(slot as unknown as { token: string }).token]);
  });

  it('fencing: a stalled holder whose lease ran out cannot free the slot someone else took', async () => {
    const keyPrefix = uniquePrefix();
    const leaseMs = 400;
    const stalled = startGateHolder(url, keyPrefix, 'openai:shared', 1, leaseMs);
    holders.push(stalled);
    stalled.send('acquire video_1');
    await stalled.next((line) => line.type === 'acquired');
    stalled.child.kill('SIGSTOP');
    const look = await inspect(keyPrefix);
    const { index } = gates(2, { keyPrefix, limit: 1, leaseMs });
    const mine = await index(0).acquire(); // granted once the stalled lease runs out
    const myToken = (mine as unknown as { token: string }).token;
    stalled.child.kill('SIGCONT');
    const lost = await stalled.next((line) => line.type === 'event' && line.event.type === 'lease-lost');
    expect(lost).toMatchObject({ event: { type: 'lease-lost', jobId: 'video_1' } });
    stalled.send('release');
    await stalled.next((line) => line.type === 'released');
    stalled.send('close');
    await stalled.next((line) => line.type === 'closed');
    expect(await look.holders()).toEqual([myToken]);
    let third = false;
    const next = index(1)
      .acquire()
      .then((slot) => {
        third = true;
        return slot;
      });
    await until(async () => (await look.queued()) === 1, 'third request queued');
    expect(third).toBe(false);
    mine.release();
    await next;
  });

  it('pausing (the service said full) holds every process until a job finishes', async () => {
    const keyPrefix = uniquePrefix();
    const { index } = gates(2, { keyPrefix, limit: 2 });
    const look = await inspect(keyPrefix);
    const first = await index(0).acquire();
    first.bind('video_1');
    index(0).pause(60_000);
    await until(async () => (await look.client.exists(look.keys.pause)) === 1, 'pause stored');
    let granted = false;
    const waiting = index(1)
      .acquire()
      .then((slot) => {
        granted = true;
        return slot;
      });
    await until(async () => (await look.queued()) === 1, 'queued while paused');
    expect(granted).toBe(false);
    expect(index(0).releaseJob('video_1')).toBe(true);
    await waiting;
    expect(await look.client.exists(look.keys.pause)).toBe(0);
  });

  it('an aborted waiter leaves the shared queue', async () => {
    const keyPrefix = uniquePrefix();
    const { index } = gates(2, { keyPrefix, limit: 1 });
    const look = await inspect(keyPrefix);
    const held = await index(0).acquire();
    const controller = new AbortController();
    const waiting = index(1).acquire({ signal: controller.signal });
    await until(async () => (await look.queued()) === 1, 'queued');
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    await until(async () => (await look.queued()) === 0, 'left the queue');
    held.release();
  });
});

describe('RedisConcurrencyGate when Redis is away', () => {
  it('rejects with GateUnavailableError naming the store when Redis cannot be reached', async () => {
    const port = await freePort();
    const { index } = gates(1, {
      keyPrefix: uniquePrefix(),
      url: `redis://:secret@127.0.0.1:${port}`,
      unavailableAfterMs: 200,
    });
    const error = await index(0)
      .acquire()
      .catch((e: unknown) => e);
    expect(GateUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`redis://:***@127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('secret');
  });

  it("falls back to an in-process gate with a warning when fallback is 'in-process'", async () => {
    const port = await freePort();
    const { index, warnings, events } = gates(1, {
      keyPrefix: uniquePrefix(),
      url: `redis://127.0.0.1:${port}`,
      unavailableAfterMs: 200,
      fallback: 'in-process',
      limit: 1,
    });
    const first = await index(0).acquire();
    expect(warnings).toEqual([expect.stringContaining('is unreachable; counting this process')]);
    expect(events[0]!.some((event) => event.type === 'gate-warning')).toBe(true);
    let second = false;
    const next = index(0)
      .acquire()
      .then(() => {
        second = true;
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false); // the in-process limit still holds
    first.release();
    await next;
  });

  it('rides through a Redis restart: holders take their slots back before waiters get in', async () => {
    const redis = await privateRedis();
    await redis.start();
    cleanups.push(() => redis.stop());
    const keyPrefix = uniquePrefix();
    const { index, warnings } = gates(2, { keyPrefix, url: redis.url, limit: 2, leaseMs: 900 });
    const a1 = await index(0).acquire();
    const a2 = await index(0).acquire();
    a1.bind('video_1');
    a2.bind('video_2');
    let granted = false;
    const waiting = index(1)
      .acquire()
      .then((slot) => {
        granted = true;
        return slot;
      });
    const look = await inspect(keyPrefix, redis.url);
    await until(async () => (await look.queued()) === 1, 'queued');
    await redis.stop();
    await redis.start(); // empty: every key is gone
    await until(async () => (await look.client.zCard(look.keys.holders).catch(() => 0)) === 2, 'reclaimed');
    await until(async () => (await look.queued().catch(() => 0)) === 1, 'waiter queued again');
    expect(granted).toBe(false);
    expect(index(0).releaseJob('video_1')).toBe(true);
    const slot = await waiting;
    expect(await look.holders()).toHaveLength(2);
    expect(await look.holders()).toContain((slot as unknown as { token: string }).token);
    expect(warnings).toEqual([]);
  });
});
