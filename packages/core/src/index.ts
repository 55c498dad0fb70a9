export type {
  BackendId,
  CreateVideoRequest,
  CropBounds,
  DownloadVariant,
  ImageInput,
  MediaInput,
  MediaSource,
  RemixVideoRequest,
  VideoDownload,
  VideoInput,
  VideoJob,
  VideoJobError,
  VideoJobPage,
  VideoOutput,
  VideoSize,
  VideoStatus,
} from './types.js';
export { BACKEND_IDS, TERMINAL_STATUSES } from './types.js';
export type {
  PollHint,
  ProviderCallOptions,
  ProviderDownloadOptions,
  ProviderJobResult,
  ProviderListOptions,
  VideoProvider,
} from './video-provider.js';
