/**
 * The default store: records in memory, gone when the process ends.
 * @module
 */

import type { JobRecord } from '../engine/job-record.js';
import { compareRecords, type JobStore } from './job-store.js';

/**
 * Creates an empty in-memory store.
 * @example
 * const store = createMemoryStore();
 * const engine = createEngine({ store });
 */
export function createMemoryStore(): JobStore {
  const partitions = new Map<string, Map<string, JobRecord>>();
  const sorted = new Map<string, readonly JobRecord[]>();

  return {
    put(record) {
      let jobs = partitions.get(record.partition);
      if (jobs === undefined) {
        jobs = new Map();
        partitions.set(record.partition, jobs);
      }
      jobs.set(record.id, record);
      sorted.delete(record.partition);
    },
    get: (partition, id) => partitions.get(partition)?.get(id),
    delete(partition, id) {
      const jobs = partitions.get(partition);
      const existed = jobs?.delete(id) ?? false;
      if (existed) {
        sorted.delete(partition);
        if (jobs?.size === 0) partitions.delete(partition);
      }
      return existed;
    },
    list(partition) {
      let list = sorted.get(partition);
      if (list === undefined) {
        list = [...(partitions.get(partition)?.values() ?? [])].sort(compareRecords);
        sorted.set(partition, list);
      }
      return list;
    },
    partitions: () => [...partitions.keys()].sort(),
    clear() {
      partitions.clear();
      sorted.clear();
    },
  };
}
