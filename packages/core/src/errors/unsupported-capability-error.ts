import type { BackendId } from '../types.js';
import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.UnsupportedCapabilityError';
const symbol = Symbol.for(marker);

/** A feature a backend may lack. */
export type CapabilityName =
  | 'remix'
  | 'edit'
  | 'extend'
  | 'characters'
  | 'audio'
  | 'variants'
  | 'image-input'
  | 'video-input'
  | 'cancel'
  | 'webhooks';

/** Options of {@link UnsupportedCapabilityError}. */
export interface UnsupportedCapabilityErrorOptions {
  /** The backend that lacks the feature. */
  backend: BackendId;
  /** The missing feature. */
  capability: CapabilityName;
  /** The model checked against, when relevant. */
  model?: string;
  /** Overrides the default message. */
  message?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** The request uses a feature the backend (or model) does not have, e.g. remix on Sora 1. */
export class UnsupportedCapabilityError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The backend that lacks the feature. */
  readonly backend: BackendId;
  /** The missing feature. */
  readonly capability: CapabilityName;
  /** The model checked against. */
  readonly model: string | undefined;

  constructor({ backend, capability, model, message, cause }: UnsupportedCapabilityErrorOptions) {
    super({
      message: message ?? `${capability} is not supported on ${backend}${model ? ` (${model})` : ''}`,
      cause,
    });
    this.name = 'UnsupportedCapabilityError';
    this.backend = backend;
    this.capability = capability;
    this.model = model;
  }

  /** True when `error` is an {@link UnsupportedCapabilityError} from any copy of the package. */
  static override isInstance(error: unknown): error is UnsupportedCapabilityError {
    return SoraKitError.hasMarker(error, marker);
  }
}
