/**
 * Characters: made from a clip by one credential, read back by it, placed in its videos.
 * They count toward no quota and never expire (ruling: the guide is silent on both).
 * @module
 */

import type { CharacterClip, CharacterRecord, CharacterStore } from '../store/character-store.js';
import { CharacterNotFoundError, InvalidJobInputError } from './errors.js';
import type { IdSource } from './id-source.js';
import type { JobCharacter } from './job-record.js';

/** What a dialect asks to create, already validated (name length, clip decoded). */
export interface CreateCharacterInput {
  /** Credential partition. */
  readonly partition: string;
  /** Display name. */
  readonly name: string;
  /** What the clip is. */
  readonly clip: CharacterClip;
}

/** The character operations of the engine. */
export interface CharacterService {
  /** The store (for persistence and the control API). */
  readonly store: CharacterStore;
  /** Creates a character at the current time. */
  create(input: CreateCharacterInput): CharacterRecord;
  /** A character of the partition. @throws CharacterNotFoundError */
  get(partition: string, id: string): CharacterRecord;
  /**
   * The characters `ids` name, for a create in `partition`, in request order.
   * @throws InvalidJobInputError (`characters`) for an id the partition does not have
   */
  resolve(partition: string, ids: readonly string[]): JobCharacter[];
}

/** Creates the character service over a store. */
export function createCharacterService(options: {
  store: CharacterStore;
  ids: IdSource;
  now: (partition: string) => number;
}): CharacterService {
  const { store, ids, now } = options;
  let sequence = 0;
  for (const partition of store.partitions()) {
    for (const record of store.list(partition)) sequence = Math.max(sequence, record.sequence + 1);
  }
  return {
    store,
    create(input) {
      const at = now(input.partition);
      const record: CharacterRecord = Object.freeze({
        id: ids.characterId(at),
        partition: input.partition,
        sequence: sequence++,
        name: input.name,
        createdAt: at,
        clip: input.clip,
      });
      store.put(record);
      return record;
    },
    get(partition, id) {
      const record = store.get(partition, id);
      if (record === undefined) throw new CharacterNotFoundError(id);
      return record;
    },
    resolve(partition, characterIds) {
      return characterIds.map((id) => {
        const record = store.get(partition, id);
        if (record === undefined) {
          throw new InvalidJobInputError('characters', `Invalid 'characters': no character with id '${id}'.`);
        }
        return { id: record.id, name: record.name };
      });
    },
  };
}
