export {
  type EmulatorWebhooks,
  type EmulatorWebhooksOptions,
  InvalidWebhookConfigError,
  startEmulatorWebhooks,
} from './emulator-webhooks.js';
export {
  createWebhookDispatcher,
  isOpenAIHostVideo,
  type WebhookDelivery,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from './webhook-dispatcher.js';
export { toVideoWebhookEvent, type VideoWebhookEvent } from './webhook-event.js';
export {
  decodeWebhookSecret,
  InvalidWebhookSecretError,
  signWebhook,
  type WebhookSignatureHeaders,
  type WebhookSignatureInput,
} from './webhook-signer.js';
