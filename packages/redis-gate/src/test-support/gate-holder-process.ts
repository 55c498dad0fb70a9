/**
 * Test support: a separate OS process that uses one gate, driven line by line over stdin:
 * `acquire`, `release`, `close`. Prints one JSON line per thing that happened on stdout.
 * argv: url keyPrefix name limit leaseMs
 * @module
 */
import { createInterface } from 'node:readline';
import type { GateSlot } from '@sora-kit/core';
import { createRedisConcurrencyGate } from '../create-redis-concurrency-gate.js';

const [url, keyPrefix, name, limit, leaseMs] = process.argv.slice(2);
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const gate = createRedisConcurrencyGate({
  url: url!,
  keyPrefix: keyPrefix!,
  name: name!,
  limit: Number(limit),
  leaseMs: Number(leaseMs),
  onWarning: (message) => say({ type: 'warning', message }),
});
gate.attach({
  probe: async () => false,
  delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  probeIntervalMs: 1000,
  onEvent: (event) => say({ type: 'event', event: { ...event, cause: undefined } }),
});
const slots: GateSlot[] = [];
for await (const line of createInterface({ input: process.stdin })) {
  const [command, arg] = line.trim().split(' ');
  if (command === 'acquire') {
    void gate.acquire({ onQueuePosition: (position) => say({ type: 'position', position }) }).then(
      (slot) => {
        if (arg) slot.bind(arg);
        slots.push(slot);
        say({ type: 'acquired', token: (slot as unknown as { token: string }).token });
      },
      (error: unknown) => say({ type: 'error', message: String(error) }),
    );
  } else if (command === 'release') {
    slots.shift()?.release();
    say({ type: 'released' });
  } else if (command === 'close') {
    await gate.close();
    say({ type: 'closed' });
    process.exit(0);
  }
}
