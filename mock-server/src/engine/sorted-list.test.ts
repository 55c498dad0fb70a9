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
