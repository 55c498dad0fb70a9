import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { experimental_generateVideo as generateVideo } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import type { VideoModelV4OperationWebhook } from './ai-sdk-types.js';
import { createSoraKit } from './create-sora-kit.js';
import { type EmulatorBackends, startEmulatorBackends } from './test-support/emulator-backends.js';
import { probeVideo } from './test-support/probe-video.js';

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** A loopback endpoint that resolves with the first webhook it receives. */
async function webhookReceiver(): Promise<{
  url: string;
  received: Promise<VideoModelV4OperationWebhook>;
  server: Server;
}> {
  let deliver!: (webhook: VideoModelV4OperationWebhook) => void;
  const received = new Promise<VideoModelV4OperationWebhook>((resolve) => {
    deliver = resolve;
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200).end();
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      deliver({ headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/video`, received, server };
}

describe('createSoraKit webhooks (Sora 2 on OpenAI)', () => {
  let env: EmulatorBackends | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await env?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('experimental_generateVideo with webhook: waits for the video.completed webhook, then reads the job once', async () => {
    const receiver = await webhookReceiver();
    server = receiver.server;
    env = await startEmulatorBackends({
      webhookUrl: receiver.url,
      webhookSecret: 'whsec_c29yYS1raXQtdGVzdA==',
    });
    const emulator = env.emulator;
    // The job finishes when its create has been answered: the emulator's clock jumps 10 minutes.
    const fetchThenFinish: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/videos')
        emulator.control.advanceClock(10 * 60_000);
      return response;
    };
    const soraKit = createSoraKit({ ...env.options('openai-sora2'), fetch: fetchThenFinish });
    const reads: string[] = [];
    const model = soraKit.video('sora-2');
    const doStatus = model.doStatus.bind(model);
    model.doStatus = (options) => {
      reads.push('status');
      return doStatus(options);
    };

    const result = await generateVideo({
      model,
      prompt: 'a lighthouse at night',
      duration: 4,
      webhook: async () => ({ url: receiver.url, received: receiver.received }),
      poll: { timeoutMs: 60_000, delay: () => new Promise<void>(() => {}) },
    });
    const webhook = await receiver.received;
    expect((webhook.body as { type: string }).type).toBe('video.completed');
    expect(webhook.headers['webhook-signature']).toMatch(/^v1,/);
    expect(reads).toEqual(['status']);
    expect(probeVideo(result.video.uint8Array)).toMatchObject({ width: 720, height: 1280, audio: true });
    expect(
      result.warnings.some((warning) => warning.type === 'other' && warning.message.includes(receiver.url)),
    ).toBe(true);
  });
});
