/**
 * Characters on the wire: `POST /videos/characters` (a name and a clip) and
 * `GET /videos/characters/{id}`, answered as `{ id, name, created_at }`.
 * @module
 */
import type { Sora2Character } from '@sora-kit/core/wire';
import type { EmulatorContext } from '../../emulator.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import type { CharacterRecord } from '../../store/character-store.js';
import { invalidParam } from './sora2-errors.js';
import { readVideoUpload } from './sora2-video-upload.js';

/** The wire object of a character. */
export function toSora2Character(record: CharacterRecord): Sora2Character {
  return { id: record.id, name: record.name, created_at: Math.floor(record.createdAt / 1000) };
}

/**
 * Creates a character of `partition` from a validated body (name 1..80 characters, an MP4 clip).
 * @throws WireError 400 naming `name` or `video`
 */
export async function createCharacter(
  emulator: EmulatorContext,
  partition: string,
  body: { name: string; video: UploadedFile },
  maxNameLength: number,
): Promise<CharacterRecord> {
  const length = [...body.name].length;
  if (length > maxNameLength) {
    throw invalidParam(
      'name',
      `Invalid 'name': string too long. Expected a string with maximum length ${maxNameLength}, but got a string with length ${length} instead.`,
      'string_above_max_length',
    );
  }
  const clip = await readVideoUpload(body.video);
  return emulator.engine.characters.create({
    partition,
    name: body.name,
    clip: {
      width: clip.width,
      height: clip.height,
      seconds: clip.durationSeconds,
      mediaType: body.video.type || 'video/mp4',
      byteLength: body.video.size,
      ...(body.video.name ? { fileName: body.video.name } : {}),
    },
  });
}
