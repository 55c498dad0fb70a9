/** H.264 NAL unit types the encoder writes. */
export const NalType = { slice: 1, idr: 5, sps: 7, pps: 8 } as const;

/**
 * Wraps an RBSP into a NAL unit (one header byte + payload with emulation-prevention bytes),
 * written into `out` at `offset`; returns the number of bytes written. `out` must have room
 * for `rbsp.length * 1.5 + 1` bytes.
 */
export function writeNalUnit(
  out: Uint8Array,
  offset: number,
  refIdc: number,
  type: number,
  rbsp: Uint8Array,
): number {
  let o = offset;
  out[o++] = (refIdc << 5) | type;
  let zeros = 0;
  for (let i = 0; i < rbsp.length; i++) {
    const byte = rbsp[i] as number;
    if (zeros >= 2 && byte <= 3) {
      out[o++] = 3;
      zeros = 0;
    }
    out[o++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return o - offset;
}

/** A NAL unit as a fresh array (for parameter sets). */
export function nalUnit(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(rbsp.length * 1.5) + 1);
  return out.slice(0, writeNalUnit(out, 0, refIdc, type, rbsp));
}
