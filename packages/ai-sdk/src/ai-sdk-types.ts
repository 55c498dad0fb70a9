/**
 * The AI SDK provider specification types this package speaks (`@ai-sdk/provider` 4, the spec of
 * `ai` 7), imported as types only: nothing of the AI SDK is loaded at run time.
 * @module
 */
export type {
  Experimental_VideoModelV3 as VideoModelV3,
  Experimental_VideoModelV3CallOptions as VideoModelV3CallOptions,
  Experimental_VideoModelV4 as VideoModelV4,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4File as VideoModelV4File,
  Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
  Experimental_VideoModelV4OperationWebhook as VideoModelV4OperationWebhook,
  Experimental_VideoModelV4Result as VideoModelV4Result,
  Experimental_VideoModelV4VideoData as VideoModelV4VideoData,
  JSONValue,
  SharedV4Warning,
} from '@ai-sdk/provider';
