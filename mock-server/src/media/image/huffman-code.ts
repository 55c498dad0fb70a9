/**
 * A canonical prefix (Huffman) code: `lengths[symbol]` is the code length in bits (0 = unused) and
 * `codes[symbol]` the code bits already reversed for an LSB-first bit writer.
 */
export interface HuffmanCode {
  /** Code length of each symbol in bits; 0 means the symbol does not occur. */
  readonly lengths: Uint8Array;
  /** Bit-reversed canonical code of each symbol (meaningless where the length is 0). */
  readonly codes: Uint16Array;
}

interface MergeNode {
  weight: number;
  symbol: number;
  left?: MergeNode;
  right?: MergeNode;
}

/**
 * Optimal length-limited code lengths for the given symbol frequencies (package-merge).
 * Ties are broken by symbol index, so the result is deterministic. With fewer than two used
 * symbols the lone symbol (if any) gets length 1; callers that need a complete code must add a
 * companion symbol themselves.
 */
export function buildCodeLengths(frequencies: ArrayLike<number>, maxBits: number): Uint8Array {
  const lengths = new Uint8Array(frequencies.length);
  const leaves: MergeNode[] = [];
  for (let symbol = 0; symbol < frequencies.length; symbol++) {
    const weight = frequencies[symbol] ?? 0;
    if (weight > 0) leaves.push({ weight, symbol });
  }
  if (leaves.length === 0) return lengths;
  if (leaves.length === 1) {
    lengths[leaves[0]!.symbol] = 1;
    return lengths;
  }
  if (leaves.length > 2 ** maxBits)
    throw new RangeError(`${leaves.length} symbols do not fit in ${maxBits} bits`);
  leaves.sort((a, b) => a.weight - b.weight || a.symbol - b.symbol);

  let list = leaves;
  for (let level = 1; level < maxBits; level++) {
    const packages: MergeNode[] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      const left = list[i]!;
      const right = list[i + 1]!;
      packages.push({ weight: left.weight + right.weight, symbol: -1, left, right });
    }
    list = mergeByWeight(leaves, packages);
  }

  const stack: MergeNode[] = list.slice(0, 2 * leaves.length - 2);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.symbol >= 0) lengths[node.symbol]!++;
    else stack.push(node.left!, node.right!);
  }
  return lengths;
}

function mergeByWeight(leaves: MergeNode[], packages: MergeNode[]): MergeNode[] {
  const merged: MergeNode[] = [];
  let i = 0;
  let j = 0;
  while (i < leaves.length || j < packages.length) {
    const leaf = leaves[i];
    const pack = packages[j];
    if (pack === undefined || (leaf !== undefined && leaf.weight <= pack.weight)) {
      merged.push(leaf!);
      i++;
    } else {
      merged.push(pack);
      j++;
    }
  }
  return merged;
}

/** Assigns canonical codes (shorter first, then by symbol index) to the given lengths. */
export function canonicalCode(lengths: Uint8Array): HuffmanCode {
  let maxLength = 0;
  for (const length of lengths) if (length > maxLength) maxLength = length;
  const lengthCounts = new Uint32Array(maxLength + 1);
  for (const length of lengths) if (length > 0) lengthCounts[length]!++;
  const nextCode = new Uint32Array(maxLength + 2);
  let code = 0;
  for (let bits = 1; bits <= maxLength; bits++) {
    nextCode[bits] = code;
    code = (code + lengthCounts[bits]!) << 1;
  }
  const codes = new Uint16Array(lengths.length);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const length = lengths[symbol]!;
    if (length === 0) continue;
    codes[symbol] = reverseBits(nextCode[length]!++, length);
  }
  return { lengths, codes };
}

function reverseBits(value: number, bitCount: number): number {
  let reversed = 0;
  for (let i = 0; i < bitCount; i++) {
    reversed = (reversed << 1) | (value & 1);
    value >>>= 1;
  }
  return reversed;
}
