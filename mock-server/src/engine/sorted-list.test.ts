import { describe, expect, it } from 'vitest';
import { createSortedList } from './sorted-list.js';

const byNumber = (a: number, b: number) => a - b;

describe('createSortedList', () => {
  it('starts from unsorted initial items in order, and keeps upserts and removals in order', () => {
    const list = createSortedList(byNumber, [5, 1, 4, 2]);
    expect(Array.from({ length: list.size }, (_, i) => list.at(i))).toEqual([1, 2, 4, 5]);
    list.upsert(3);
    list.upsert(6);
    expect(list.remove(1)).toBe(true);
    expect(list.remove(7)).toBe(false);
    expect(Array.from({ length: list.size }, (_, i) => list.at(i))).toEqual([2, 3, 4, 5, 6]);
    expect(list.lowerBound(4)).toBe(2);
    expect(list.upperBound(4)).toBe(3);
  });

  it('does not keep a reference to the initial array', () => {
    const initial = [2, 1];
    const list = createSortedList(byNumber, initial);
    initial.push(0);
    expect(list.size).toBe(2);
    expect(initial).toEqual([2, 1, 0]);
  });
});

describe('createSortedList against a plain sorted array', () => {
  it('agrees after random upserts and removals, front removals included', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const list = createSortedList(byNumber);
    let reference: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const roll = random(10);
      if (roll < 4) {
        // Oldest first, as jobs leave a phase: most removals take the smallest item.
        const smallest = reference[0];
        expect(list.remove(smallest ?? -1)).toBe(smallest !== undefined);
        reference = reference.slice(1);
      } else if (roll < 5) {
        const value = random(3000);
        expect(list.remove(value)).toBe(reference.includes(value));
        reference = reference.filter((v) => v !== value);
      } else {
        const value = roll < 9 ? 3000 + step : random(3000);
        list.upsert(value);
        if (!reference.includes(value)) reference = [...reference, value].sort(byNumber);
      }
      if (step % 997 === 0 || step > 19_990) {
        expect(list.size).toBe(reference.length);
        expect(Array.from({ length: list.size }, (_, i) => list.at(i))).toEqual(reference);
        const probe = random(3000 + step);
        expect(list.lowerBound(probe)).toBe(reference.filter((v) => v < probe).length);
        expect(list.upperBound(probe)).toBe(reference.filter((v) => v <= probe).length);
        expect(list.at(-1)).toBeUndefined();
        expect(list.at(list.size)).toBeUndefined();
      }
    }
  });
});
