import { type BackendId, SoraKitError, type VideoCharacter } from '@sora-kit/core';
import { sora2CharacterSchema } from './sora2-api.js';

/**
 * Reads a Sora 2 character wire object (`{ id, name, created_at }`) into a {@link VideoCharacter}.
 * @throws {SoraKitError} when the body is not a character or has no id.
 */
export function mapSora2Character(raw: unknown, backend: BackendId): VideoCharacter {
  const parsed = sora2CharacterSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.id) {
    throw new SoraKitError({
      message: `${backend} returned something that is not a character: ${parsed.error?.issues[0]?.message ?? 'no id'}`,
      ...(parsed.error ? { cause: parsed.error } : {}),
    });
  }
  const { id, name, created_at: createdAt } = parsed.data;
  return {
    id,
    name: name ?? undefined,
    createdAt: new Date((typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0) * 1000),
    backend,
    raw,
  };
}
