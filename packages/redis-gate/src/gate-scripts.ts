/**
 * The gate's atomic operations, as Lua scripts run by Redis (one script = one atomic step). Time is
 * the Redis server's (`TIME`), so the processes' clocks never have to agree.
 *
 * Keys of one gate (`{name}` is a hash tag, so all keys of a gate live in one Redis Cluster slot):
 * - `holders` ZSET: slot token -> lease expiry (ms). Expired members are dropped by every script.
 * - `queue` ZSET: waiter ticket -> order score (lower is earlier).
 * - `waiters` ZSET: waiter ticket -> heartbeat expiry (ms); a waiter whose process died is dropped.
 * - `seq` counter: order scores of new waiters.
 * - `pause` string with a TTL: the service said it is full; nothing is granted while it exists.
 * @module
 */

/** A named Lua script; the runner sends it by SHA1 (`EVALSHA`) and loads it when Redis lacks it. */
export interface GateScript {
  readonly name: string;
  readonly source: string;
}

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

const SWEEP = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, d in ipairs(dead) do
  redis.call('ZREM', KEYS[2], d)
  redis.call('ZREM', KEYS[3], d)
end
`;

/**
 * Joins the queue (or refreshes a waiter's place) and takes a slot when the waiter is within the
 * free slots from the head. KEYS: holders, queue, waiters, seq, pause.
 * ARGV: ticket, limit, leaseMs, mode (`back` | `front` | `again`), score (for `again`).
 * Returns `{ granted (0|1), score, holders, queued, position, paused (0|1) }`.
 * A ticket that is no longer queued (its entry expired, or Redis lost its data) is queued again at
 * its old score and not granted in the same call, so holders reclaiming their slots after a Redis
 * restart go first.
 */
export const ACQUIRE: GateScript = {
  name: 'acquire',
  source: `${NOW}${SWEEP}
local ticket = ARGV[1]
local limit = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local mode = ARGV[4]
local score = redis.call('ZSCORE', KEYS[2], ticket)
local hold = false
if score then
  score = tonumber(score)
elseif mode == 'again' then
  score = tonumber(ARGV[5])
  redis.call('ZADD', KEYS[2], score, ticket)
  hold = true
else
  score = redis.call('INCR', KEYS[4])
  if mode == 'front' then
    local head = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
    if head[2] and tonumber(head[2]) <= score then score = tonumber(head[2]) - 1 end
  end
  redis.call('ZADD', KEYS[2], score, ticket)
end
redis.call('ZADD', KEYS[3], now + lease, ticket)
local holders = redis.call('ZCARD', KEYS[1])
local paused = redis.call('EXISTS', KEYS[5])
local free = limit - holders
if paused == 1 or free < 0 then free = 0 end
local rank = redis.call('ZRANK', KEYS[2], ticket)
local queued = redis.call('ZCARD', KEYS[2])
if (not hold) and rank < free then
  redis.call('ZREM', KEYS[2], ticket)
  redis.call('ZREM', KEYS[3], ticket)
  redis.call('ZADD', KEYS[1], now + lease, ticket)
  return { 1, tostring(score), holders + 1, queued - 1, 0, paused }
end
return { 0, tostring(score), holders, queued, rank - free + 1, paused }
`,
};

/**
 * Leaves the queue (an aborted waiter). KEYS: holders, queue, waiters. ARGV: ticket. Returns 1 when
 * the ticket was queued.
 */
export const LEAVE: GateScript = {
  name: 'leave',
  source: `
redis.call('ZREM', KEYS[3], ARGV[1])
return redis.call('ZREM', KEYS[2], ARGV[1])
`,
};

/**
 * Extends a slot's lease. KEYS: holders, queue, waiters. ARGV: token, limit, leaseMs.
 * Returns `{ result, holders, queued }` with result 1 = renewed, 2 = the lease had run out (or
 * Redis lost it) and the slot was taken again because one was free, 0 = lost (no free slot).
 */
export const RENEW: GateScript = {
  name: 'renew',
  source: `${NOW}${SWEEP}
local limit = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local result = 0
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
  result = 1
elseif redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
  result = 2
end
return { result, redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]) }
`,
};

/**
 * Gives a slot back, only if this token still holds it (the fencing: a process whose lease ran out
 * cannot free the slot someone else now holds). A finished job also lifts a pause. Wakes waiters.
 * KEYS: holders, pause. ARGV: token, finished (0|1), channel. Returns 1 when the token held a slot.
 */
export const RELEASE: GateScript = {
  name: 'release',
  source: `
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
if ARGV[2] == '1' then redis.call('DEL', KEYS[2]) end
if removed == 1 or ARGV[2] == '1' then redis.call('PUBLISH', ARGV[3], ARGV[1]) end
return removed
`,
};

/** Pauses grants for ARGV[1] ms (the service said it is full). KEYS: pause. */
export const PAUSE: GateScript = {
  name: 'pause',
  source: `
local ms = tonumber(ARGV[1])
if ms > 0 then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`,
};

/** The key names of gate `name` under `prefix`. */
export function gateKeys(prefix: string, name: string) {
  const base = `${prefix}{${name}}`;
  return {
    holders: `${base}:holders`,
    queue: `${base}:queue`,
    waiters: `${base}:waiters`,
    seq: `${base}:seq`,
    pause: `${base}:pause`,
    channel: `${base}:released`,
  } as const;
}

/** The keys of {@link gateKeys}. */
export type GateKeys = ReturnType<typeof gateKeys>;
