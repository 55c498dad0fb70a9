/**
 * Vitest global setup: when `SORA_KIT_REDIS_URL` is not set (a plain `npm test` outside
 * `.ci/run`), start a private redis-server (the Debian package) on a free loopback port for the
 * whole run and stop it at the end, so the tests need no service started by hand.
 * @module
 */
import { privateRedis } from './redis-server.js';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SORA_KIT_REDIS_URL) return undefined;
  const redis = await privateRedis();
  await redis.start();
  process.env.SORA_KIT_REDIS_URL = redis.url;
  return async () => {
    delete process.env.SORA_KIT_REDIS_URL;
    await redis.stop();
  };
}
