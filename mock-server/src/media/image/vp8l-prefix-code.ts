import { buildCodeLengths, canonicalCode, type HuffmanCode } from './huffman-code.js';
import type { Vp8lBitWriter } from './vp8l-bit-writer.js';

const MAX_CODE_LENGTH = 15;
const MAX_CODE_LENGTH_CODE_LENGTH = 7;
const CODE_LENGTH_CODES = 19;
const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;
const CODE_LENGTH_EXTRA_BITS: Record<number, number> = { 16: 2, 17: 3, 18: 7 };

/**
 * A VP8L prefix code ready to be written: either a "simple" code (one or two symbols below 256,
 * sent explicitly) or a "normal" code sent as code lengths.
 */
export interface Vp8lPrefixCode extends HuffmanCode {
  /** Set for simple codes: the one or two symbols, ascending. A one-symbol code costs 0 bits. */
  readonly simpleSymbols?: readonly number[];
}

/** Builds the prefix code for one alphabet from its symbol histogram. */
export function buildPrefixCode(histogram: Uint32Array): Vp8lPrefixCode {
  const used: number[] = [];
  for (let symbol = 0; symbol < histogram.length && used.length <= 2; symbol++) {
    if (histogram[symbol]! > 0) used.push(symbol);
  }
  if (used.length === 0) {
    return {
      lengths: new Uint8Array(histogram.length),
      codes: new Uint16Array(histogram.length),
      simpleSymbols: [0],
    };
  }
  if (used.length <= 2 && used.every((symbol) => symbol < 256)) {
    const lengths = new Uint8Array(histogram.length);
    if (used.length === 2) for (const symbol of used) lengths[symbol] = 1;
    return { ...canonicalCode(lengths), simpleSymbols: used };
  }
  // A normal code with a single symbol would be decoded with zero bits: give it a companion so
  // the code stays an ordinary complete one-bit code.
  const frequencies = used.length === 1 ? withCompanion(histogram, used[0]!) : histogram;
  return canonicalCode(buildCodeLengths(frequencies, MAX_CODE_LENGTH));
}

function withCompanion(histogram: Uint32Array, symbol: number): Uint32Array {
  const copy = histogram.slice();
  copy[symbol === 0 ? 1 : 0] = 1;
  return copy;
}

/** Writes a prefix code's description (simple or normal form) to the bit stream. */
export function writePrefixCode(writer: Vp8lBitWriter, code: Vp8lPrefixCode): void {
  const simple = code.simpleSymbols;
  if (simple !== undefined) {
    writer.writeBits(1, 1);
    writer.writeBits(simple.length - 1, 1);
    const first = simple[0]!;
    if (first < 2) {
      writer.writeBits(0, 1);
      writer.writeBits(first, 1);
    } else {
      writer.writeBits(1, 1);
      writer.writeBits(first, 8);
    }
    if (simple.length === 2) writer.writeBits(simple[1]!, 8);
    return;
  }
  writer.writeBits(0, 1);
  const tokens = runLengthTokens(code.lengths);
  const histogram = new Uint32Array(CODE_LENGTH_CODES);
  for (const token of tokens) histogram[token.symbol]!++;
  let usedCount = 0;
  for (const count of histogram) if (count > 0) usedCount++;
  if (usedCount === 1) histogram[histogram[0]! > 0 ? 1 : 0] = 1;
  const lengthCode = canonicalCode(buildCodeLengths(histogram, MAX_CODE_LENGTH_CODE_LENGTH));

  let codeCount = CODE_LENGTH_CODES;
  while (codeCount > 4 && lengthCode.lengths[CODE_LENGTH_ORDER[codeCount - 1]!] === 0) codeCount--;
  writer.writeBits(codeCount - 4, 4);
  for (let i = 0; i < codeCount; i++) writer.writeBits(lengthCode.lengths[CODE_LENGTH_ORDER[i]!]!, 3);
  writer.writeBits(0, 1); // max_symbol = alphabet size: every length is sent
  for (const { symbol, extra } of tokens) {
    writer.writeBits(lengthCode.codes[symbol]!, lengthCode.lengths[symbol]!);
    const extraBits = CODE_LENGTH_EXTRA_BITS[symbol];
    if (extraBits !== undefined) writer.writeBits(extra, extraBits);
  }
}

interface LengthToken {
  symbol: number;
  extra: number;
}

/** Code lengths as VP8L code-length symbols: 0-15 literal, 16 repeat previous non-zero, 17/18 zero runs. */
function runLengthTokens(lengths: Uint8Array): LengthToken[] {
  const tokens: LengthToken[] = [];
  let previousNonZero = 8;
  let i = 0;
  while (i < lengths.length) {
    const value = lengths[i]!;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === value) run++;
    i += run;
    if (value === 0) {
      while (run >= 11) {
        const take = Math.min(run, 138);
        tokens.push({ symbol: 18, extra: take - 11 });
        run -= take;
      }
      if (run >= 3) {
        tokens.push({ symbol: 17, extra: run - 3 });
        run = 0;
      }
    } else {
      if (value !== previousNonZero) {
        tokens.push({ symbol: value, extra: 0 });
        previousNonZero = value;
        run--;
      }
      while (run >= 3) {
        const take = Math.min(run, 6);
        tokens.push({ symbol: 16, extra: take - 3 });
        run -= take;
      }
    }
    for (; run > 0; run--) tokens.push({ symbol: value, extra: 0 });
  }
  return tokens;
}
