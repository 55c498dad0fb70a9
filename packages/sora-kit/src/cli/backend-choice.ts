/**
 * Why the CLI picked a backend, and which backend would take a request the chosen one refuses:
 * the lines `generate` prints instead of a bare validation error.
 * @module
 */
import {
  type CreateVideoRequest,
  formatSize,
  resolveCapabilities,
  type SoraBackendId,
  UnsupportedCapabilityError,
  ValidationError,
  validateCreateRequest,
} from '@sora-kit/core';
import { DEFAULT_DEPLOYMENT } from '../create-video-client-from-env.js';
import type { CliIo } from './cli-io.js';

/** Backends in the order a suggestion names them. */
const SUGGESTION_ORDER: readonly SoraBackendId[] = ['openai-sora2', 'azure-sora2', 'azure-sora1'];

/** Why a backend refuses a request before anything is sent. */
export type Refusal = ValidationError | UnsupportedCapabilityError;

/** `error` as a {@link Refusal}, or null when it is another kind of error. */
export function asRefusal(error: unknown): Refusal | null {
  return ValidationError.isInstance(error) || UnsupportedCapabilityError.isInstance(error) ? error : null;
}

/** Why `backend`'s own capability table refuses `request`, or null when it accepts it. */
export function refusalOn(backend: SoraBackendId, request: CreateVideoRequest): Refusal | null {
  const model = request.model ?? (backend === 'openai-sora2' ? undefined : DEFAULT_DEPLOYMENT[backend]);
  try {
    validateCreateRequest(request, resolveCapabilities(backend, model));
    return null;
  } catch (error) {
    return (
      asRefusal(error) ??
      new ValidationError({
        issues: [{ field: 'model', value: request.model, message: String(error), backend }],
      })
    );
  }
}

const CAPABILITY_FIELDS: Readonly<Record<string, string>> = {
  'video-input': 'inputs',
  'image-input': 'inputs',
  variants: 'variants',
  characters: 'characters',
};

/**
 * The command-line flags behind the fields a refusal names, as the user typed them:
 * `--seconds 7`, `--size 640x480`, `--variants 2`, `--model NAME`, `--image`, `--video`.
 */
export function refusedFlags(refusal: Refusal, request: CreateVideoRequest): string[] {
  const fields = ValidationError.isInstance(refusal)
    ? refusal.issues.map((issue) => issue.field)
    : [CAPABILITY_FIELDS[refusal.capability] ?? refusal.capability];
  const flags: string[] = [];
  for (const field of fields) {
    const root = field.split(/[.[]/)[0] ?? field;
    let flag: string;
    if (root === 'seconds') flag = `--seconds ${request.seconds}`;
    else if (root === 'size' && request.size !== undefined)
      flag = `--size ${typeof request.size === 'string' ? request.size : formatSize(request.size)}`;
    else if (root === 'variants') flag = `--variants ${request.variants}`;
    else if (root === 'model') flag = `--model ${request.model}`;
    else if (root === 'inputs') {
      flag = request.inputs?.some((input) => input.kind === 'video') ? '--video' : '--image';
    } else flag = root;
    if (!flags.includes(flag)) flags.push(flag);
  }
  return flags;
}

/** "--seconds 7 is only allowed on azure-sora1: using it; pass --backend to choose" */
export function offlineChoiceNote(
  picked: SoraBackendId,
  refusal: Refusal,
  request: CreateVideoRequest,
): string {
  const flags = refusedFlags(refusal, request);
  return `${flags.join(' and ')} ${flags.length > 1 ? 'are' : 'is'} only allowed on ${picked}: using it; pass --backend to choose`;
}

/** The variables `backend` still needs in `env`, as "NAME" or "NAME (what)". */
function missingVariables(backend: SoraBackendId, env: CliIo['env']): string[] {
  if (backend === 'openai-sora2') return env.OPENAI_API_KEY?.trim() ? [] : ['OPENAI_API_KEY'];
  const missing: string[] = [];
  if (!env.AZURE_OPENAI_ENDPOINT?.trim()) missing.push('AZURE_OPENAI_ENDPOINT');
  if (!env.AZURE_OPENAI_API_KEY?.trim()) missing.push('AZURE_OPENAI_API_KEY (or "az login")');
  return missing;
}

/**
 * A hint naming the first backend (other than `current`) whose capabilities accept `request`, and
 * what to set for it; undefined when none does.
 * @example
 * suggestBackend({ prompt: 'x', seconds: 7 }, { OPENAI_API_KEY: 'sk-1' }, 'openai-sora2');
 * // 'azure-sora1 accepts it: set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY (or "az login") and
 * //  AZURE_OPENAI_DEPLOYMENT (a Sora 1 deployment, default "sora"), then pass --backend azure-sora1'
 */
export function suggestBackend(
  request: CreateVideoRequest,
  env: CliIo['env'],
  current: SoraBackendId,
): string | undefined {
  for (const backend of SUGGESTION_ORDER) {
    if (backend === current || refusalOn(backend, request) !== null) continue;
    const missing = missingVariables(backend, env);
    if (backend !== 'openai-sora2') {
      const kind = backend === 'azure-sora1' ? 'Sora 1' : 'Sora 2';
      missing.push(
        `AZURE_OPENAI_DEPLOYMENT (a ${kind} deployment, default "${DEFAULT_DEPLOYMENT[backend]}")`,
      );
    }
    const list =
      missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : (missing[0] ?? '');
    return missing.length === 0
      ? `${backend} accepts it and is configured: pass --backend ${backend}`
      : `${backend} accepts it: set ${list}, then pass --backend ${backend}`;
  }
  return undefined;
}
