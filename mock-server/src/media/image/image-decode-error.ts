/** Why an image could not be decoded. */
export type ImageDecodeErrorCode = 'unsupported-format' | 'unsupported-feature' | 'corrupt' | 'too-large';

/**
 * Raised by the image decoders for any input they cannot turn into pixels. Decoders never let a
 * lower-level exception (zlib, jpeg-js, RangeError) escape: they wrap it in this error.
 */
export class ImageDecodeError extends Error {
  /** Machine-readable reason. */
  readonly code: ImageDecodeErrorCode;

  /**
   * @param code machine-readable reason
   * @param message human-readable explanation naming the format and the problem
   * @param options standard `cause`
   */
  constructor(code: ImageDecodeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageDecodeError';
    this.code = code;
  }
}
