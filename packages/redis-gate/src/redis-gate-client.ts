/**
 * The part of a node-redis client the gate uses, and running the gate's scripts on it.
 * @module
 */
import { createHash } from 'node:crypto';
import type { GateScript } from './gate-scripts.js';

/**
 * What the gate needs of a node-redis (`redis` package) client: `createClient()` returns one. Any
 * client with these members works.
 */
export interface RedisGateClient {
  /** Whether the socket is open (connecting counts). */
  readonly isOpen: boolean;
  /** Whether commands can be sent now. */
  readonly isReady: boolean;
  /** Opens the connection. */
  connect(): Promise<unknown>;
  /** Sends one raw command. */
  sendCommand(args: string[]): Promise<unknown>;
  /** A new client with the same options (the gate subscribes on it). */
  duplicate(): RedisGateClient;
  /** Subscribes the client (in subscriber mode) to `channel`. */
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  /** node-redis events: `ready`, `error`, `end`, `reconnecting`. */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Closes the connection after pending replies. */
  close(): Promise<unknown>;
}

const shaOf = new Map<GateScript, string>();

function sha1(script: GateScript): string {
  let sha = shaOf.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script.source).digest('hex');
    shaOf.set(script, sha);
  }
  return sha;
}

/**
 * Runs `script` atomically: `EVALSHA`, and `EVAL` when Redis does not know the script (first use,
 * or after a restart).
 */
export async function runScript(
  client: RedisGateClient,
  script: GateScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  const tail = [String(keys.length), ...keys, ...args.map(String)];
  try {
    return await client.sendCommand(['EVALSHA', sha1(script), ...tail]);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return client.sendCommand(['EVAL', script.source, ...tail]);
  }
}
