/**
 * The JSON operation `doStart` returns: the durable job handle, so any process (a new client of
 * the same backend) can resume it with `doStatus`.
 * @module
 */
import { isHandle, ValidationError } from '@sora-kit/core';
import type { JSONValue } from './ai-sdk-types.js';

/** The operation of a sora-kit video job, as persisted by `experimental_startVideo` callers. */
export interface SoraKitOperation {
  /** Format version. */
  soraKit: 1;
  /** The job handle (`sora-kit:v1:<backend>:<id>...`), naming backend, scope and expiry. */
  handle: string;
  /** Sora 1: the download quality asked for. */
  quality?: 'high' | 'low';
}

/**
 * Reads an operation back.
 * @throws {ValidationError} (field `operation`) for anything that is not a sora-kit operation.
 */
export function parseOperation(operation: JSONValue): SoraKitOperation {
  const value = operation as Partial<SoraKitOperation> | null;
  if (
    value === null ||
    typeof value !== 'object' ||
    value.soraKit !== 1 ||
    typeof value.handle !== 'string' ||
    !isHandle(value.handle) ||
    (value.quality !== undefined && value.quality !== 'high' && value.quality !== 'low')
  ) {
    throw new ValidationError({
      issues: [
        {
          field: 'operation',
          value: operation,
          message: `operation: not a sora-kit operation (expected { "soraKit": 1, "handle": "sora-kit:v1:..." }, as doStart returns it)`,
        },
      ],
    });
  }
  return { soraKit: 1, handle: value.handle, ...(value.quality ? { quality: value.quality } : {}) };
}
