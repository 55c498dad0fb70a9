/**
 * Uploaded videos of the Sora 2 routes (an edit source, a character clip): the bytes are read
 * as an MP4 for their size and duration; anything else is a 400 naming `video`. The upload
 * itself went through the same size limit as every upload (`maxUploadBytes`, 413).
 * @module
 */
import type { JobInput } from '../../engine/job-record.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import { readMp4Info } from '../../media/mp4-info.js';
import { invalidParam } from './sora2-errors.js';

/** An uploaded MP4, read. */
export interface VideoUpload {
  /** Frame width, pixels. */
  readonly width: number;
  /** Frame height, pixels. */
  readonly height: number;
  /** Duration, seconds (as in the file). */
  readonly durationSeconds: number;
  /** The upload as a job input (kept so an edit can show it). */
  readonly input: JobInput;
}

/**
 * Reads an uploaded file as an MP4 with a video track, a size and a duration.
 * @throws WireError 400 naming `video` (code `invalid_video_format`) for anything else
 */
export function readVideoUpload(file: UploadedFile): VideoUpload {
  const { bytes } = file;
  const info = readMp4Info(bytes);
  if (info === undefined || !info.hasVideo || !info.width || !info.height || !(info.durationSeconds > 0)) {
    throw invalidParam(
      'video',
      `Invalid 'video': expected an MP4 file with a video track, but '${file.name || 'the upload'}' is not one.`,
      'invalid_video_format',
    );
  }
  return {
    width: info.width,
    height: info.height,
    durationSeconds: info.durationSeconds,
    input: {
      kind: 'video',
      mediaType: file.type || 'video/mp4',
      bytes,
      ...(file.name ? { fileName: file.name } : {}),
    },
  };
}
