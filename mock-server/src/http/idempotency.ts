/**
 * `Idempotency-Key` on creates: the same key with the same body, from the same credential, answers
 * the first answer again instead of making a second job; the same key with another body is refused.
 * A client that lost a create's answer (dropped connection, timeout) can then retry safely.
 * Answers of 5xx, 409 and 429 are not remembered (the request did nothing; retrying may succeed).
 * In memory, the newest 10 000 keys.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { getPath } from 'hono/utils/url';
import { openAIErrorBody } from './openai-error-body.js';
import { bodyEncoding, readBodyBytes, readFormBody } from './read-body.js';
import type { Answer, RequestStage } from './request-stage.js';

interface Remembered {
  bodyHash: string;
  answer: Promise<{ status: number; headers: [string, string][]; body: ArrayBuffer } | undefined>;
}

const MAX_KEYS = 10_000;

/** Hex SHA-256 (`@noble/hashes`, which the emulator uses elsewhere; it runs in browsers too). */
const hash = (data: string | Uint8Array): string =>
  bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));

/** The body limits of the routes (`EmulatorLimits`). */
interface BodyLimits {
  readonly maxJsonBytes: number;
  readonly maxUploadBytes: number;
}

/**
 * What identifies a body: its bytes, or for a form its fields in order (names, values, file
 * names, types and bytes), since each multipart request draws a new boundary. The body is read
 * through the same once-per-request readers the routes use (so it is read, and held, once), and
 * within the same limits; `undefined` when it cannot be read, which the route then reports.
 */
async function bodyFingerprint(request: Request, limits: BodyLimits): Promise<string | undefined> {
  const encoding = bodyEncoding(request);
  try {
    if (encoding !== 'multipart' && encoding !== 'urlencoded') {
      return hash(await readBodyBytes(request, limits.maxJsonBytes));
    }
    const parts: string[] = [];
    for (const [name, value] of await readFormBody(request, limits.maxUploadBytes)) {
      parts.push(
        typeof value === 'string'
          ? `${name}=${hash(value)}`
          : `${name}@${value.name};${value.type};${hash(value.bytes)}`,
      );
    }
    return hash(parts.join('\n'));
  } catch {
    return undefined;
  }
}

/**
 * Creates the request stage (one per app). POST requests outside `/_emulator` that carry an
 * `Idempotency-Key` header are remembered per credential, method, path and key; other requests
 * pass on synchronously.
 * @example
 * const fetch = chainStages([createIdempotencyStage(emulator.options.limits)], router.fetch);
 */
export function createIdempotencyStage(limits: BodyLimits): RequestStage {
  const seen = new Map<string, Remembered>();
  const remembered = async (request: Request, key: string, path: string, next: () => Answer) => {
    const credential = request.headers.get('authorization') ?? request.headers.get('api-key') ?? '';
    const slot = hash(`${hash(credential)}\n${path}\n${key}`);
    const bodyHash = await bodyFingerprint(request, limits);
    // An unreadable body (too large, malformed) makes no job: the route refuses it, nothing is kept.
    if (bodyHash === undefined) return next();
    const earlier = seen.get(slot);
    if (earlier) {
      if (earlier.bodyHash !== bodyHash) {
        return Response.json(
          openAIErrorBody({
            message: `Idempotency-Key "${key}" was already used with a different request body; use a new key for a new request.`,
            type: 'invalid_request_error',
            param: 'Idempotency-Key',
            code: 'idempotency_key_reused',
          }),
          { status: 422 },
        );
      }
      const answer = await earlier.answer;
      if (answer) {
        const headers = new Headers(answer.headers);
        headers.set('idempotent-replayed', 'true');
        return new Response(answer.body.slice(0), { status: answer.status, headers });
      }
    }
    let settle: (value: Awaited<Remembered['answer']>) => void = () => undefined;
    const answer = new Promise<Awaited<Remembered['answer']>>((resolve) => {
      settle = resolve;
    });
    seen.delete(slot);
    seen.set(slot, { bodyHash, answer });
    if (seen.size > MAX_KEYS) seen.delete(seen.keys().next().value!);
    let response: Response | undefined;
    try {
      response = await next();
      return response;
    } finally {
      const status = response?.status ?? 500;
      if (response === undefined || status >= 500 || status === 409 || status === 429) {
        seen.delete(slot);
        settle(undefined);
      } else {
        const body = await response
          .clone()
          .arrayBuffer()
          .catch(() => undefined);
        settle(body === undefined ? undefined : { status, headers: [...response.headers], body });
      }
    }
  };
  return (request, _env, next) => {
    if (request.method !== 'POST') return next();
    const key = request.headers.get('idempotency-key');
    if (!key) return next();
    const path = getPath(request);
    if (path.startsWith('/_emulator')) return next();
    return remembered(request, key, path, next);
  };
}
