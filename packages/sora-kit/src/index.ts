export type {
  BackendId,
  Capabilities,
  CreateOptions,
  CreateVideoRequest,
  DownloadOptions,
  GenerateOptions,
  ImageInput,
  JobHandle,
  JobRef,
  MediaInput,
  ProgressEvent,
  RemixVideoRequest,
  VideoClientEvent,
  VideoClientOptions,
  VideoDownload,
  VideoInput,
  VideoJob,
  VideoJobPage,
  VideoOutput,
  VideoProvider,
  VideoStatus,
  WaitOptions,
} from '@sora-kit/core';
export {
  AbortedError,
  createClient,
  DEFAULT_CAPABILITIES,
  ExpiredError,
  JobFailedError,
  ModelRetiredError,
  NotFoundError,
  parseHandle,
  QuotaExceededError,
  renderCapabilityTable,
  resolveCapabilities,
  SoraKitError,
  TimeoutError,
  toHandle,
  UnsupportedCapabilityError,
  ValidationError,
  VideoApiError,
  VideoClient,
} from '@sora-kit/core';
export { createVideoClient, createVideoProvider } from './create-video-client.js';
export type { VideoClientFromEnvOptions } from './create-video-client-from-env.js';
export { backendFromEnv, createVideoClientFromEnv, ENV_VARIABLES } from './create-video-client-from-env.js';
export type {
  AzureSora1ClientOptions,
  AzureSora2ClientOptions,
  CreateVideoClientOptions,
  OpenAISora2ClientOptions,
} from './create-video-client-options.js';
export { createVideoRouter, VideoRouter } from './video-router.js';
