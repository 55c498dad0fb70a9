/**
 * Job ids of AI SDK video models: the operation JSON of `doStart` and what the request asked for,
 * encoded in the id itself, so a handle (`sora-kit:v1:<backend>:<id>`) is durable: any process can
 * resume the job with `doStatus`. Models without `doStart` get process-local ids.
 * @module
 */
import { NotFoundError } from '@sora-kit/core';
import type { JSONValue } from './ai-sdk-types.js';

/** What an id carries. */
export interface AiSdkJobState {
  /** The model's operation (from `doStart`). */
  operation: JSONValue;
  width: number;
  height: number;
  seconds: number;
  /** Videos asked for. */
  variants: number;
  /** Whether the outputs have audio. */
  audio: boolean;
  /** Creation time, epoch ms. */
  createdAt: number;
}

const OPERATION_PREFIX = 'op.';
/** Prefix of process-local ids (models with `doGenerate` only). */
export const LOCAL_PREFIX = 'gen.';

/** The id of a started operation. */
export function encodeJobId(state: AiSdkJobState): string {
  const compact = {
    o: state.operation,
    w: state.width,
    h: state.height,
    s: state.seconds,
    n: state.variants,
    a: state.audio ? 1 : 0,
    c: Math.floor(state.createdAt / 1000),
  };
  return OPERATION_PREFIX + Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
}

/**
 * Reads an id back.
 * @throws {NotFoundError} for an id this backend did not make.
 */
export function decodeJobId(id: string, backend: string): AiSdkJobState {
  if (id.startsWith(OPERATION_PREFIX)) {
    try {
      const value = JSON.parse(
        Buffer.from(id.slice(OPERATION_PREFIX.length), 'base64url').toString('utf8'),
      ) as Record<string, unknown>;
      const number = (key: string) => (typeof value[key] === 'number' ? (value[key] as number) : Number.NaN);
      const state: AiSdkJobState = {
        operation: value.o as JSONValue,
        width: number('w'),
        height: number('h'),
        seconds: number('s'),
        variants: number('n'),
        audio: value.a === 1,
        createdAt: number('c') * 1000,
      };
      if (
        'o' in value &&
        [state.width, state.height, state.seconds, state.variants, state.createdAt].every(Number.isFinite)
      )
        return state;
    } catch {
      // falls through to the NotFoundError
    }
  }
  throw new NotFoundError({
    message: id.startsWith(LOCAL_PREFIX)
      ? `job ${id} ran in another process: ${backend} has no doStart/doStatus, so its jobs live only in the process that started them`
      : `job ${id} is not a job of ${backend}`,
    status: 404,
    backend,
  });
}
