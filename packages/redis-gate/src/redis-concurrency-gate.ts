/**
 * The concurrency gate shared across processes on Redis.
 * @module
 */
import { randomUUID } from 'node:crypto';
import {
  type ConcurrencyGate,
  type GateAcquireOptions,
  type GateClientHooks,
  type GateEvent,
  type GateSlot,
  GateUnavailableError,
  type GateWaiter,
  GateWaiters,
  HeldJobProber,
  InProcessConcurrencyGate,
} from '@sora-kit/core';
import { ACQUIRE, type GateKeys, gateKeys, LEAVE, PAUSE, RELEASE, RENEW } from './gate-scripts.js';
import { type RedisGateClient, runScript } from './redis-gate-client.js';

/** The resolved settings of a {@link RedisConcurrencyGate}. */
export interface RedisGateSettings {
  name: string;
  limit: number;
  leaseMs: number;
  keyPrefix: string;
  pollMs: number;
  unavailableAfterMs: number;
  fallback: 'error' | 'in-process';
  onWarning: (message: string) => void;
  /** The store as shown in messages (no password). */
  store: string;
  /** Whether the gate created the client (and so closes it). */
  ownsClient: boolean;
}

/** What the gate keeps with a waiter: its ticket in the shared queue and its score there. */
interface Ticket {
  readonly ticket: string;
  score: string | undefined;
}

class RedisSlot implements GateSlot {
  jobId: string | undefined;
  released = false;
  /** The lease ran out and could not be taken again: the slot no longer counts in Redis. */
  lost = false;
  constructor(
    private readonly gate: RedisConcurrencyGate,
    readonly token: string,
  ) {}
  bind(jobId: string): void {
    if (this.released) return;
    this.jobId = jobId;
    this.gate.bindSlot(this, jobId);
  }
  release(): void {
    this.gate.releaseSlot(this);
  }
}

type AcquireReply = [number, string, number, number, number, number];

/**
 * A {@link ConcurrencyGate} whose slots live in Redis: at most `limit` held across every process
 * using the same `name`, granted in one FIFO order across processes, each slot a lease renewed
 * while its job runs. Build it with `createRedisConcurrencyGate`.
 */
export class RedisConcurrencyGate implements ConcurrencyGate {
  /** Most slots held at once across all processes. */
  readonly limit: number;
  /** The gate's name (shared by every process that counts against the same quota). */
  readonly name: string;
  private readonly settings: RedisGateSettings;
  private readonly client: RedisGateClient;
  private readonly keys: GateKeys;
  private subscriber: RedisGateClient | undefined;
  private connecting: Promise<void> | undefined;
  private readonly waiters = new GateWaiters<Ticket>((waiter) => this.leave(waiter));
  private readonly slots = new Map<string, RedisSlot>();
  private readonly byJob = new Map<string, RedisSlot>();
  private readonly prober: HeldJobProber;
  private hooks: GateClientHooks | undefined;
  private fallbackGate: InProcessConcurrencyGate | undefined;
  private seenHolders = 0;
  private seenQueued = 0;
  private seenPaused = false;
  private downSince: number | undefined;
  private warnedDown = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private renewTimer: ReturnType<typeof setInterval> | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private closed = false;
  /** Slot releases sent to Redis and not yet answered (close waits for them). */
  private readonly givingBack = new Set<Promise<void>>();

  constructor(client: RedisGateClient, settings: RedisGateSettings) {
    if (!(settings.limit >= 1) || !Number.isFinite(settings.limit)) {
      throw new RangeError(`gate limit must be a whole number of at least 1, got ${settings.limit}`);
    }
    this.client = client;
    this.settings = settings;
    this.limit = settings.limit;
    this.name = settings.name;
    this.keys = gateKeys(settings.keyPrefix, settings.name);
    this.prober = new HeldJobProber({
      heldJobs: () => this.byJob.keys(),
      wanted: () => this.seenQueued > 0 || this.waiters.length > 0,
      onResult: (jobId, finished) => {
        this.emit({ type: 'probe', jobId, finished });
        if (finished) this.releaseJob(jobId);
      },
    });
    client.on('error', () => this.markDown());
    client.on('reconnecting', () => this.markDown());
    client.on('ready', () => this.onReady());
  }

  /** Slots held across all processes, as last seen in Redis. */
  get held(): number {
    return this.seenHolders;
  }

  /** Requests queued across all processes, as last seen in Redis. */
  get queued(): number {
    return Math.max(this.seenQueued, this.waiters.length);
  }

  /** Whether the service said it is full (as last seen in Redis). */
  get paused(): boolean {
    return this.seenPaused;
  }

  /** Free slots as last seen (0 while paused or while anyone queues). */
  get available(): number {
    if (this.paused || this.queued > 0) return 0;
    return Math.max(0, this.limit - this.seenHolders);
  }

  /** Ids of the jobs this process holds slots for, oldest first. */
  get jobIds(): string[] {
    return [...this.byJob.keys()];
  }

  /** Whether this process holds a slot for `jobId`. */
  holds(jobId: string): boolean {
    return this.byJob.has(jobId);
  }

  /** Takes the client's probe (self-polling of held jobs) and event sink. */
  attach(hooks: GateClientHooks): void {
    this.hooks = hooks;
    this.prober.setSource({ probe: hooks.probe, delay: hooks.delay, intervalMs: hooks.probeIntervalMs });
    this.fallbackGate?.attach(hooks);
  }

  /**
   * Waits for a slot in the shared FIFO queue.
   * @throws {GateUnavailableError} when Redis has been unreachable for `unavailableAfterMs` (unless `fallback: 'in-process'`).
   */
  acquire(options: GateAcquireOptions = {}): Promise<GateSlot> {
    const { signal } = options;
    if (this.closed) return Promise.reject(new Error(`gate "${this.name}" is closed`));
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.isDownTooLong() && this.settings.fallback === 'in-process') {
      return this.fallback().acquire(options);
    }
    const granted = this.waiters.wait(options, { ticket: randomUUID(), score: undefined });
    this.kick();
    return granted;
  }

  /** Frees the slot of `jobId` because the job finished or is gone. Returns whether one was held. */
  releaseJob(jobId: string): boolean {
    const slot = this.byJob.get(jobId);
    if (slot) {
      this.releaseSlot(slot);
      return true;
    }
    return this.fallbackGate?.releaseJob(jobId) ?? false;
  }

  /** Marks `jobId` as watched by a waiter so the gate does not poll it itself. */
  watch(jobId: string): () => void {
    const own = this.prober.watch(jobId);
    const fallback = this.fallbackGate?.watch(jobId);
    return () => {
      own();
      fallback?.();
    };
  }

  /** The service said it is full: no process is granted a slot for `ms` or until a job finishes. */
  pause(ms?: number): void {
    const wait = Math.max(0, Math.round(ms ?? this.hooks?.probeIntervalMs ?? this.settings.pollMs));
    this.seenPaused = true;
    this.emit({ type: 'paused', ms: wait });
    this.run(PAUSE, [this.keys.pause], [wait]).catch(() => undefined);
    this.fallbackGate?.pause(ms);
  }

  /**
   * Gives back every slot this process holds, stops the timers and closes the connections the gate
   * opened. Queued requests reject. Call it when the process shuts down.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.pollTimer);
    clearInterval(this.renewTimer);
    this.prober.stop();
    for (const waiter of this.waiters.rejectAll(() => new Error(`gate "${this.name}" was closed`))) {
      this.leave(waiter);
    }
    await Promise.allSettled(
      [...this.slots.values()].map((slot) => {
        slot.released = true;
        return this.run(RELEASE, [this.keys.holders, this.keys.pause], [slot.token, 0, this.keys.channel]);
      }),
    );
    this.slots.clear();
    this.byJob.clear();
    // Releases already under way must reach Redis before the connections close.
    await Promise.allSettled([...this.givingBack]);
    await Promise.allSettled([
      this.subscriber?.close(),
      this.settings.ownsClient && this.client.isOpen ? this.client.close() : undefined,
    ]);
  }

  /** @internal Called by {@link GateSlot.bind}. */
  bindSlot(slot: RedisSlot, jobId: string): void {
    this.byJob.set(jobId, slot);
    this.prober.update();
  }

  /** @internal Called by {@link GateSlot.release}. */
  releaseSlot(slot: RedisSlot): void {
    if (slot.released) return;
    slot.released = true;
    this.slots.delete(slot.token);
    if (slot.jobId !== undefined && this.byJob.get(slot.jobId) === slot) this.byJob.delete(slot.jobId);
    if (this.slots.size === 0) {
      clearInterval(this.renewTimer);
      this.renewTimer = undefined;
    }
    const finished = slot.jobId !== undefined;
    if (finished) this.seenPaused = false;
    if (!slot.lost) this.seenHolders = Math.max(0, this.seenHolders - 1);
    this.emit({ type: 'slot-released', jobId: slot.jobId, held: this.seenHolders, queued: this.queued });
    const giveBack: Promise<void> = this.run(
      RELEASE,
      [this.keys.holders, this.keys.pause],
      [slot.token, finished ? 1 : 0, this.keys.channel],
    )
      .then(
        () => undefined,
        (error: unknown) =>
          this.warn(
            `could not give back a slot of gate "${this.name}" (its lease runs out by itself)`,
            error,
          ),
      )
      .finally(() => {
        this.givingBack.delete(giveBack);
        this.kick();
      });
    this.givingBack.add(giveBack);
    this.prober.update();
  }

  private emit(event: GateEvent): void {
    this.hooks?.onEvent(event);
  }

  private warn(message: string, cause?: unknown): void {
    this.settings.onWarning(message);
    this.emit({ type: 'gate-warning', message, ...(cause === undefined ? {} : { cause }) });
  }

  private fallback(): InProcessConcurrencyGate {
    if (!this.fallbackGate) {
      this.fallbackGate = new InProcessConcurrencyGate({ limit: this.limit });
      if (this.hooks) this.fallbackGate.attach(this.hooks);
    }
    if (!this.warnedDown) {
      this.warnedDown = true;
      this.warn(
        `gate "${this.name}": ${this.settings.store} is unreachable; counting this process's jobs only (other processes may overrun the quota)`,
      );
    }
    return this.fallbackGate;
  }

  private markDown(): void {
    this.downSince ??= Date.now();
  }

  private isDownTooLong(): boolean {
    return this.downSince !== undefined && Date.now() - this.downSince >= this.settings.unavailableAfterMs;
  }

  private onReady(): void {
    const wasDown = this.downSince !== undefined;
    this.downSince = undefined;
    this.warnedDown = false;
    if (wasDown) {
      // Holders first: take the slots back that a Redis restart forgot, then let waiters in.
      void this.renewAll().finally(() => this.kick());
    }
  }

  /** Connects (the client, then the subscriber) once; later calls share the attempt. */
  private connect(): Promise<void> {
    if (this.client.isReady && this.subscriber) return Promise.resolve();
    this.connecting ??= (async () => {
      if (!this.client.isOpen) {
        // node-redis keeps reconnecting in the background; failures surface as `error` events.
        this.client.connect().catch(() => this.markDown());
      }
      if (!this.subscriber) {
        const subscriber = this.client.duplicate();
        subscriber.on('error', () => undefined);
        this.subscriber = subscriber;
        subscriber
          .connect()
          .then(() => subscriber.subscribe(this.keys.channel, () => this.kick()))
          .catch(() => undefined);
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async run(
    script: typeof ACQUIRE,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    await this.connect();
    if (!this.client.isReady) {
      this.markDown();
      throw new GateUnavailableError({
        gate: this.name,
        store: this.settings.store,
        ...(this.downSince === undefined ? {} : { downForMs: Date.now() - this.downSince }),
      });
    }
    try {
      const reply = await runScript(this.client, script, keys, args);
      this.downSince = undefined;
      return reply;
    } catch (error) {
      if (error instanceof Error && /^(ERR|NOSCRIPT|WRONGTYPE)/.test(error.message)) throw error;
      this.markDown();
      throw new GateUnavailableError({ gate: this.name, store: this.settings.store, cause: error });
    }
  }

  /** Runs a polling round soon (again after the current one when one is running). */
  private kick(): void {
    if (this.closed || this.waiters.length === 0) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.polling = this.pollRound().finally(() => {
      this.polling = undefined;
      if (this.pollAgain) {
        this.pollAgain = false;
        this.kick();
      } else this.schedulePoll();
    });
  }

  private schedulePoll(): void {
    if (this.closed || this.waiters.length === 0 || this.pollTimer) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      this.kick();
    }, this.settings.pollMs);
    this.pollTimer.unref?.();
  }

  /** One look at the queue for every local waiter, in local order. */
  private async pollRound(): Promise<void> {
    for (const waiter of this.waiters.snapshot()) {
      if (!this.waiters.has(waiter)) continue;
      const { data } = waiter;
      let reply: AcquireReply;
      try {
        const mode = data.score === undefined ? (waiter.front ? 'front' : 'back') : 'again';
        reply = (await this.run(
          ACQUIRE,
          [this.keys.holders, this.keys.queue, this.keys.waiters, this.keys.seq, this.keys.pause],
          [data.ticket, this.limit, this.settings.leaseMs, mode, data.score ?? '0'],
        )) as AcquireReply;
      } catch (error) {
        this.onPollFailure(error);
        return;
      }
      const [granted, score, holders, queued, position, paused] = reply.map((v, i) =>
        i === 1 ? v : Number(v),
      ) as AcquireReply;
      data.score = String(score);
      this.seenHolders = holders;
      this.seenQueued = queued;
      this.seenPaused = paused === 1;
      if (granted === 1) {
        const given = this.waiters.grant(waiter, () => {
          const slot = new RedisSlot(this, data.ticket);
          this.slots.set(slot.token, slot);
          this.startRenewing();
          this.emit({ type: 'slot-acquired', held: holders, queued: this.queued });
          return slot;
        });
        // Aborted while the script ran: give the slot straight back.
        if (!given) new RedisSlot(this, data.ticket).release();
      } else if (this.waiters.has(waiter)) {
        this.waiters.report(waiter, position);
      }
    }
    this.prober.update();
  }

  private onPollFailure(error: unknown): void {
    if (!this.isDownTooLong()) return;
    if (this.settings.fallback === 'in-process') {
      const gate = this.fallback();
      for (const waiter of this.waiters.snapshot()) {
        this.waiters.forward(
          waiter,
          gate.acquire({
            ...(waiter.signal ? { signal: waiter.signal } : {}),
            ...(waiter.onQueuePosition ? { onQueuePosition: waiter.onQueuePosition } : {}),
            front: waiter.front,
          }),
        );
      }
      return;
    }
    const downForMs = this.downSince === undefined ? undefined : Date.now() - this.downSince;
    this.waiters.rejectAll(
      () =>
        new GateUnavailableError({
          gate: this.name,
          store: this.settings.store,
          ...(downForMs === undefined ? {} : { downForMs }),
          cause: error,
        }),
    );
  }

  private leave(waiter: GateWaiter<Ticket>): void {
    this.run(LEAVE, [this.keys.holders, this.keys.queue, this.keys.waiters], [waiter.data.ticket])
      .catch(() => undefined)
      .finally(() => this.kick());
  }

  private startRenewing(): void {
    if (this.renewTimer) return;
    this.renewTimer = setInterval(() => void this.renewAll(), Math.max(10, this.settings.leaseMs / 3));
    this.renewTimer.unref?.();
  }

  private async renewAll(): Promise<void> {
    for (const slot of [...this.slots.values()]) {
      if (slot.released) continue;
      let reply: [number, number, number];
      try {
        reply = (
          (await this.run(
            RENEW,
            [this.keys.holders, this.keys.queue, this.keys.waiters],
            [slot.token, this.limit, this.settings.leaseMs],
          )) as unknown[]
        ).map(Number) as [number, number, number];
      } catch {
        return; // Redis is away; the next renewal (or the reconnect) tries again.
      }
      if (slot.released) continue;
      const [result, holders, queued] = reply;
      this.seenHolders = holders;
      this.seenQueued = queued;
      if (result === 0 && !slot.lost) {
        slot.lost = true;
        this.emit({ type: 'lease-lost', jobId: slot.jobId });
        this.warn(
          `gate "${this.name}": the lease of ${slot.jobId ?? 'a slot'} ran out and every slot is taken; the job no longer counts against the limit`,
        );
      } else if (result !== 0 && slot.lost) {
        slot.lost = false;
      }
    }
    this.prober.update();
  }
}
