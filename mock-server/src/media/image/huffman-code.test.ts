import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCodeLengths, canonicalCode } from './huffman-code.js';

function kraftSum(lengths: Uint8Array): number {
  let sum = 0;
  for (const length of lengths) if (length > 0) sum += 2 ** -length;
  return sum;
}

describe('buildCodeLengths', () => {
  it('limits skewed (Fibonacci) frequencies to the maximum length and keeps the code complete', () => {
    const fibonacci = [1, 1];
    while (fibonacci.length < 30) fibonacci.push(fibonacci.at(-1)! + fibonacci.at(-2)!);
    const lengths = buildCodeLengths(fibonacci, 15);
    expect(Math.max(...lengths)).toBe(15);
    expect(kraftSum(lengths)).toBe(1);
    for (let i = 1; i < 30; i++) expect(lengths[i]!).toBeLessThanOrEqual(lengths[i - 1]!);
  });

  it('matches the unlimited Huffman cost when the limit does not bind', () => {
    const lengths = buildCodeLengths([5, 9, 12, 13, 16, 45], 15);
    expect([...lengths]).toEqual([4, 4, 3, 3, 3, 1]);
  });

  it('always yields complete codes within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 2, maxLength: 300 }),
        fc.integer({ min: 9, max: 15 }),
        (freqs, maxBits) => {
          if (freqs.filter((f) => f > 0).length < 2) return;
          const lengths = buildCodeLengths(freqs, maxBits);
          expect(Math.max(...lengths)).toBeLessThanOrEqual(maxBits);
          expect(kraftSum(lengths)).toBeCloseTo(1, 12);
          for (const [i, f] of freqs.entries()) expect(lengths[i]! > 0).toBe(f > 0);
        },
      ),
    );
  });
});

describe('canonicalCode', () => {
  it('assigns deflate-style canonical codes, bit-reversed for an LSB-first writer', () => {
    // RFC 1951 example: lengths (3,3,3,3,3,2,4,4) -> 010 011 100 101 110 00 1110 1111
    const { codes } = canonicalCode(Uint8Array.from([3, 3, 3, 3, 3, 2, 4, 4]));
    expect([...codes]).toEqual([0b010, 0b110, 0b001, 0b101, 0b011, 0b00, 0b0111, 0b1111]);
  });
});
