/**
 * Items kept in order in a plain array with binary search: O(log n) to find a position, O(1)
 * to append (records arrive in time order) and, amortized, to remove the smallest item (records
 * leave a phase oldest first), a memmove to insert or remove elsewhere. The
 * listing index and the settle schedule are built from these.
 * @module
 */

/** A sorted list, duplicate-free under its comparator. */
export interface SortedList<T> {
  /** Number of items. */
  readonly size: number;
  /** The item at position `index` (0 = smallest), or undefined. */
  at(index: number): T | undefined;
  /** Position of the first item that compares >= `key` (`size` when none). O(log n). */
  lowerBound(key: T): number;
  /** Position of the first item that compares > `key` (`size` when none). O(log n). */
  upperBound(key: T): number;
  /** Inserts `item`, or replaces the item that compares equal to it. */
  upsert(item: T): void;
  /** Removes the item that compares equal to `key`; true when there was one. */
  remove(key: T): boolean;
}

/**
 * Creates a list ordered by `compare`, empty or holding `initial` (duplicate-free under `compare`).
 * @example
 * const list = createSortedList(compareRecords);
 * list.upsert(record);
 * list.at(list.upperBound(cursor)); // the first record after the cursor
 */
export function createSortedList<T>(compare: (a: T, b: T) => number, initial?: readonly T[]): SortedList<T> {
  // A bulk start is one sort (O(n log n)), not n inserts in arbitrary order (O(n^2) memmoves).
  let items: (T | undefined)[] = initial === undefined ? [] : [...initial].sort(compare);
  // Live items are items[head..]: removing the smallest item (jobs leave a phase oldest first)
  // moves `head` instead of shifting every later item; the dead prefix is cut off in bulk.
  let head = 0;
  // First position (absolute) whose item compares >= key (strict = false) or > key (strict = true).
  const search = (key: T, strict: boolean): number => {
    let low = head;
    let high = items.length;
    // Fast path: keys past the largest item (every create) need no search.
    if (high > low && compare(items[high - 1] as T, key) < 0) return high;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const order = compare(items[mid] as T, key);
      if (order < 0 || (strict && order === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return {
    get size() {
      return items.length - head;
    },
    at: (index) => (index < 0 ? undefined : items[head + index]),
    lowerBound: (key) => search(key, false) - head,
    upperBound: (key) => search(key, true) - head,
    upsert(item) {
      const index = search(item, false);
      if (index < items.length && compare(items[index] as T, item) === 0) items[index] = item;
      else if (index === items.length) items.push(item);
      else if (index === head && head > 0) items[--head] = item;
      else items.splice(index, 0, item);
    },
    remove(key) {
      const index = search(key, false);
      if (index >= items.length || compare(items[index] as T, key) !== 0) return false;
      if (index === head) {
        items[head++] = undefined;
        if (head === items.length) {
          items = [];
          head = 0;
        } else if (head >= 1024 && head * 2 >= items.length) {
          items = items.slice(head);
          head = 0;
        }
      } else items.splice(index, 1);
      return true;
    },
  };
}
