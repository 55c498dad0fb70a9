/**
 * The default character store: records in memory, gone when the process ends.
 * @module
 */

import type { CharacterRecord, CharacterStore } from './character-store.js';

/**
 * Creates an empty in-memory character store.
 * @example
 * const engine = createEngine({ characterStore: createMemoryCharacterStore() });
 */
export function createMemoryCharacterStore(): CharacterStore {
  const partitions = new Map<string, Map<string, CharacterRecord>>();
  return {
    put(record) {
      let characters = partitions.get(record.partition);
      if (characters === undefined) {
        characters = new Map();
        partitions.set(record.partition, characters);
      }
      characters.set(record.id, record);
    },
    get: (partition, id) => partitions.get(partition)?.get(id),
    list: (partition) =>
      [...(partitions.get(partition)?.values() ?? [])].sort(
        (a, b) => a.createdAt - b.createdAt || a.sequence - b.sequence,
      ),
    partitions: () => [...partitions.keys()].sort(),
    clear: () => partitions.clear(),
  };
}
