/**
 * The retired mode (`--retired openai-sora2,...`): a dialect whose service is marked retired
 * answers every route as the shut-down service would, in its own envelope. The messages are
 * the services' own shutdown texts where a source gives one; status and code are rulings
 * (docs/reference/contracts.md section 6).
 * @module
 */
import type { SoraBackendId } from '@sora-kit/core';
import type { EmulatorContext } from '../emulator.js';
import { ServiceRetiredError } from '../engine/errors.js';

/** The default shutdown text of each service. */
export const RETIRED_SERVICE_MESSAGES: Readonly<Record<SoraBackendId, string>> = {
  // The OpenAI guide's banner after the shutdown (GUIDE).
  'openai-sora2':
    'The Sora 2 models and Videos API were shut down on September 24, 2026 and are no longer available.',
  // Azure retired sora-2 (2025-12-08) on 2026-10-15 (Microsoft's model retirement table); wording is a ruling.
  'azure-sora2':
    "The model 'sora-2' (version 2025-12-08) was retired on October 15, 2026 and is no longer available.",
  // No source: a ruling.
  'azure-sora1': 'The Sora video generation jobs API has been retired and is no longer available.',
};

/** The error a retired service answers with, or undefined when `service` is not retired. */
export function serviceRetiredError(
  emulator: EmulatorContext,
  service: SoraBackendId,
): ServiceRetiredError | undefined {
  const retirement = emulator.engine.faults.serviceRetirement(service);
  if (retirement === undefined) return undefined;
  return new ServiceRetiredError(
    service,
    retirement.status,
    retirement.message ?? RETIRED_SERVICE_MESSAGES[service],
  );
}
