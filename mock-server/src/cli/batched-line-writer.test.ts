import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createBatchedLineWriter } from './batched-line-writer.js';

describe('createBatchedLineWriter', () => {
  it('writes the lines of one turn in one chunk, after the turn, in order', async () => {
    const chunks: string[] = [];
    const out = createBatchedLineWriter({ write: (chunk: string) => chunks.push(chunk) });
    out.write('a');
    out.write('b');
    out.write('c');
    expect(chunks).toEqual([]);
    await nextTurn();
    expect(chunks).toEqual(['a\nb\nc\n']);
    out.write('d');
    await nextTurn();
    expect(chunks).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('writes at once past maxBytes, and flush empties the queue', async () => {
    const chunks: string[] = [];
    const out = createBatchedLineWriter({ write: (chunk: string) => chunks.push(chunk) }, { maxBytes: 8 });
    out.write('1234');
    out.write('5678');
    expect(chunks).toEqual(['1234\n5678\n']);
    out.write('x');
    out.flush();
    out.flush();
    expect(chunks).toEqual(['1234\n5678\n', 'x\n']);
    await nextTurn();
    expect(chunks).toHaveLength(2);
  });
});
