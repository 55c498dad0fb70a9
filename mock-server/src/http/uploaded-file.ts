/**
 * A file part of a multipart body as the emulator keeps it: the bytes once (a view of the
 * request's body buffer or one copy of the part), never copied again by a reader.
 * @module
 */

/** An uploaded file: its bytes, the part's file name and media type. */
export class UploadedFile {
  /**
   * @param bytes the part's content, exactly (not to be modified)
   * @param name the `filename` of the part's Content-Disposition (`''` when sent empty)
   * @param type the part's media type, lower case (`''` without a Content-Type)
   */
  constructor(
    readonly bytes: Uint8Array,
    readonly name: string,
    readonly type: string,
  ) {}

  /** The content's length in bytes. */
  get size(): number {
    return this.bytes.byteLength;
  }
}
