import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitWriter } from './bit-writer.js';
import { writeNalUnit } from './nal-unit.js';

const bitString = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('');

describe('BitWriter', () => {
  it('writes Exp-Golomb codes as in the H.264 tables', () => {
    const w = new BitWriter(4);
    for (const v of [0, 1, 2, 3, 7]) w.ue(v);
    w.se(1);
    w.se(-1);
    w.trailingBits();
    // 1 010 011 00100 0001000 | se(1)=010 se(-1)=011 | stop bit + padding
    expect(bitString(w.view())).toBe(
      `${'1' + '010' + '011' + '00100' + '0001000' + '010' + '011'}1`.padEnd(32, '0'),
    );
  });

  it('round-trips large ue values (the long path above 12 bits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 24 }), (value) => {
        const w = new BitWriter(1);
        w.ue(value);
        w.trailingBits();
        const bits = bitString(w.view());
        const zeros = bits.indexOf('1');
        expect(Number.parseInt(bits.slice(zeros, 2 * zeros + 1), 2) - 1).toBe(value);
      }),
    );
  });
});

describe('writeNalUnit', () => {
  it('inserts emulation-prevention bytes so no start code appears in the payload', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }).map((a) => a.map((b) => b % 4)),
        (rbsp) => {
          const out = new Uint8Array(rbsp.length * 2 + 1);
          const n = writeNalUnit(out, 0, 3, 5, rbsp);
          const nal = out.subarray(1, n);
          for (let i = 2; i < nal.length; i++)
            if (nal[i - 2] === 0 && nal[i - 1] === 0) expect(nal[i]).toBe(3);
          const unescaped: number[] = [];
          let zeros = 0;
          for (const byte of nal) {
            if (zeros >= 2 && byte === 3) {
              zeros = 0;
              continue;
            }
            unescaped.push(byte);
            zeros = byte === 0 ? zeros + 1 : 0;
          }
          expect(unescaped).toEqual(Array.from(rbsp));
        },
      ),
    );
  });
});
