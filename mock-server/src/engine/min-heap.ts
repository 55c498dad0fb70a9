/**
 * A binary min-heap of keyed items: the engine's sweep queue.
 * @module
 */

/** A min-heap ordered by a numeric key. */
export interface MinHeap<T> {
  /** Number of items. */
  readonly size: number;
  /** Adds `item` under `key`. O(log n). */
  push(key: number, item: T): void;
  /** The smallest key, or undefined when empty. */
  peekKey(): number | undefined;
  /** Removes and returns the item with the smallest key. O(log n). */
  pop(): T | undefined;
}

/**
 * Creates an empty heap.
 * @example
 * const heap = createMinHeap<string>();
 * heap.push(5, 'b'); heap.push(1, 'a');
 * heap.pop(); // 'a'
 */
export function createMinHeap<T>(): MinHeap<T> {
  const keys: number[] = [];
  const items: T[] = [];
  const swap = (i: number, j: number): void => {
    [keys[i], keys[j]] = [keys[j] as number, keys[i] as number];
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  };
  return {
    get size() {
      return keys.length;
    },
    push(key, item) {
      keys.push(key);
      items.push(item);
      let i = keys.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((keys[parent] as number) <= key) break;
        swap(i, parent);
        i = parent;
      }
    },
    peekKey: () => keys[0],
    pop() {
      if (keys.length === 0) return undefined;
      const top = items[0];
      const lastKey = keys.pop() as number;
      const lastItem = items.pop() as T;
      if (keys.length > 0) {
        keys[0] = lastKey;
        items[0] = lastItem;
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          const right = left + 1;
          let smallest = i;
          if (left < keys.length && (keys[left] as number) < (keys[smallest] as number)) smallest = left;
          if (right < keys.length && (keys[right] as number) < (keys[smallest] as number)) smallest = right;
          if (smallest === i) break;
          swap(i, smallest);
          i = smallest;
        }
      }
      return top;
    },
  };
}
