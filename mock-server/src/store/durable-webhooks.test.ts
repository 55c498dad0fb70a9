import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.js';
import { testJobInput } from '../test-support/engine-fixtures.js';
import { openEmulatorData } from './emulator-data.js';

const SECRET = `whsec_${Buffer.from('durable-webhooks-secret-0123456').toString('base64')}`;
const servers: Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function receiver(status: number): Promise<{ url: string; ids: string[]; first: Promise<void> }> {
  const ids: string[] = [];
  let arrived: () => void = () => {};
  const first = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      ids.push(String(req.headers['webhook-id']));
      res.statusCode = status;
      res.end();
      arrived();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, ids, first };
}

const create = (emulator: ReturnType<typeof createEmulator>, prompt: string) =>
  emulator.engine.createJob({ ...testJobInput('openai:sk-hooks', 'sora2'), prompt });

const durable = (persistence: ReturnType<typeof openEmulatorData>, webhookUrl: string) =>
  createEmulator({
    clock: 'manual',
    seed: 'hooks',
    persistence,
    webhookUrl,
    webhookSecret: SECRET,
    logLevel: 'silent',
  });

describe('webhooks of a durable emulator', () => {
  it('deliver after a restart what was pending, and what settled while the emulator was down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sora-hooks-'));
    dirs.push(dir);
    const failing = await receiver(503);
    const data = openEmulatorData(dir);
    const first = durable(data, failing.url);
    const pending = create(first, 'pending one');
    first.control.advanceClock(pending.settlesAt - first.clock.now());
    await failing.first;
    const later = create(first, 'settles while down');
    await first.close();
    data.close(); // the pending event was committed when it was queued

    const working = await receiver(200);
    const reopened = openEmulatorData(dir);
    const second = durable(reopened, working.url);
    second.control.advanceClock(later.settlesAt - second.clock.now());
    await second.control.webhooksIdle();
    expect(working.ids).toHaveLength(2);
    expect(working.ids[0]).toBe(failing.ids[0]);
    const delivered = second.control.webhookDeliveries().map((d) => d.event.data.id);
    expect(delivered.sort()).toEqual([pending.job.id, later.job.id].sort());
    await second.close();
    reopened.close();
  });
});
