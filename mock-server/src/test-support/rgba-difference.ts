/**
 * The mean absolute difference of two RGBA buffers over their colour channels (alpha ignored):
 * how far a lossy decode is from its source.
 * @example
 * expect(meanAbsRgbDifference(decoded, source)).toBeLessThan(3);
 */
export function meanAbsRgbDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (i % 4 === 3) continue;
    sum += Math.abs(a[i]! - b[i]!);
    count++;
  }
  return sum / count;
}
