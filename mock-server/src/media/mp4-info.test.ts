import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMp4Info } from './mp4-info.js';

const dir = mkdtempSync(join(tmpdir(), 'mp4-info-'));
const VIDEO = ['-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=30'];
const AUDIO = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];

function ffmpegFile(name: string, args: string[]): Uint8Array {
  const file = join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', ...args, '-y', file]);
  return readFileSync(file);
}

const files = {
  h264: () => ffmpegFile('h264.mp4', [...VIDEO, '-c:v', 'libx264', '-preset', 'ultrafast']),
  h264Aac: () =>
    ffmpegFile('h264-aac.mp4', [
      ...VIDEO,
      ...AUDIO,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      '-shortest',
    ]),
  faststart: () =>
    ffmpegFile('faststart.mp4', [
      ...VIDEO,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-movflags',
      '+faststart',
    ]),
  fragmented: () =>
    ffmpegFile('fragmented.mp4', [
      ...VIDEO,
      ...AUDIO,
      '-c:v',
      'mpeg4',
      '-c:a',
      'aac',
      '-movflags',
      'frag_keyframe+empty_moov',
    ]),
  quicktime: () => ffmpegFile('movie.mov', [...VIDEO, '-c:v', 'mpeg4']),
};

describe('readMp4Info on files written by ffmpeg', () => {
  it('H.264 without audio', () => {
    const info = readMp4Info(files.h264());
    expect(info).toMatchObject({
      width: 320,
      height: 240,
      hasVideo: true,
      hasAudio: false,
      videoCodec: 'avc1',
      majorBrand: 'isom',
    });
    expect(info?.durationSeconds).toBeCloseTo(3, 2);
  });

  it('H.264 with AAC audio', () => {
    const info = readMp4Info(files.h264Aac());
    expect(info).toMatchObject({
      width: 320,
      height: 240,
      hasVideo: true,
      hasAudio: true,
      videoCodec: 'avc1',
      audioCodec: 'mp4a',
    });
    expect(info?.durationSeconds).toBeCloseTo(3, 1);
  });

  it('moov before mdat (faststart)', () => {
    const bytes = files.faststart();
    expect(Buffer.from(bytes.subarray(4, 8)).toString('latin1')).toBe('ftyp');
    expect(readMp4Info(bytes)?.durationSeconds).toBeCloseTo(3, 2);
  });

  it('fragmented MP4 with an empty moov: duration from the fragments', () => {
    const info = readMp4Info(files.fragmented());
    expect(info).toMatchObject({
      width: 320,
      height: 240,
      hasVideo: true,
      hasAudio: true,
      videoCodec: 'mp4v',
    });
    expect(info?.durationSeconds).toBeCloseTo(3, 1);
  });

  it('QuickTime .mov', () => {
    const info = readMp4Info(files.quicktime());
    expect(info).toMatchObject({ width: 320, height: 240, majorBrand: 'qt  ' });
    expect(info?.durationSeconds).toBeCloseTo(3, 2);
  });

  it('never throws on truncations, and a file cut inside moov is undefined', () => {
    const bytes = files.faststart();
    for (let length = 0; length < 2000; length += 7) readMp4Info(bytes.subarray(0, length));
    expect(readMp4Info(bytes.subarray(0, 60))).toBeUndefined();
  });
});

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function u32(...values: number[]): Uint8Array {
  const out = Buffer.alloc(values.length * 4);
  for (const [i, value] of values.entries()) out.writeUInt32BE(value, i * 4);
  return out;
}

function u64(value: number): Uint8Array {
  return u32(Math.floor(value / 2 ** 32), value % 2 ** 32);
}

describe('readMp4Info on hand-made boxes', () => {
  it('reads version 1 mvhd/tkhd, a 64-bit box size and a size-0 last box', () => {
    const mvhd = box('mvhd', u32(0x01000000), u64(0), u64(0), u32(1000), u64(6_000_000_000));
    const tkhd = box(
      'tkhd',
      u32(0x01000003),
      u64(0),
      u64(0),
      u32(1, 0),
      u64(0),
      new Uint8Array(52),
      u32(1920 * 65536, 1080 * 65536),
    );
    const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide'), new Uint8Array(12));
    const trak = box('trak', tkhd, box('mdia', hdlr));
    const moov = box('moov', mvhd, trak);
    const wideFree = Buffer.concat([u32(1), Buffer.from('free'), u64(24), new Uint8Array(8)]);
    const mdatToEnd = Buffer.concat([u32(0), Buffer.from('mdat'), new Uint8Array(32)]);
    const file = Buffer.concat([box('ftyp', Buffer.from('mp42'), u32(0)), wideFree, moov, mdatToEnd]);
    expect(readMp4Info(file)).toEqual({
      durationSeconds: 6_000_000,
      width: 1920,
      height: 1080,
      hasVideo: true,
      hasAudio: false,
      majorBrand: 'mp42',
    });
  });

  it('is undefined for non-MP4 input and for a movie without duration', () => {
    expect(readMp4Info(Buffer.from('\x89PNG\r\n\x1a\n0000IHDR'))).toBeUndefined();
    expect(readMp4Info(new Uint8Array(0))).toBeUndefined();
    expect(readMp4Info(box('ftyp', Buffer.from('isom')))).toBeUndefined();
    const emptyMovie = box('moov', box('mvhd', u32(0, 0, 0, 1000, 0)));
    expect(readMp4Info(emptyMovie)).toBeUndefined();
  });

  it('never throws on random bytes behind plausible box headers (property)', () => {
    const prefixes = [
      new Uint8Array(0),
      box('ftyp', Buffer.from('isom')),
      Buffer.from('\0\0\0\x10moov\0\0\0\x08mvhd'),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }), (prefix, tail) => {
        const info = readMp4Info(Buffer.concat([prefix, tail]));
        if (info !== undefined) expect(info.durationSeconds).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});
