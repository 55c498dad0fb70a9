import { ByteWriter } from './byte-writer.js';

/** One track of an MP4 whose sample counts and chunking are known before its samples exist. */
export interface Mp4TrackPlan {
  /** Media timescale (ticks per second). */
  timescale: number;
  /** Duration of every sample in ticks. */
  sampleDelta: number;
  /** Samples in each chunk, in file order. */
  chunks: number[];
  /** Byte size of each sample, in order. */
  sampleSizes: ArrayLike<number>;
  /** 1-based numbers of sync samples; undefined when every sample is a sync sample. */
  syncSamples?: number[];
}

/** Video track: H.264 in an avc1 sample entry. */
export interface Mp4VideoPlan extends Mp4TrackPlan {
  /** Visible width. */
  width: number;
  /** Visible height. */
  height: number;
  /** AVCDecoderConfigurationRecord. */
  avcC: Uint8Array;
}

/** Audio track: AAC in an mp4a sample entry. */
export interface Mp4AudioPlan extends Mp4TrackPlan {
  /** Channel count. */
  channels: number;
  /** Sample rate in Hz (also the timescale). */
  sampleRate: number;
  /** AudioSpecificConfig. */
  audioSpecificConfig: Uint8Array;
}

/** A whole file: tracks, and the interleaving of their chunks in the mdat ([track, chunk] pairs). */
export interface Mp4Plan {
  /** The video track (track 1). */
  video: Mp4VideoPlan;
  /** The optional audio track (track 2). */
  audio?: Mp4AudioPlan;
  /** Chunk order in the mdat: 0 = video, 1 = audio, with the chunk index inside that track. */
  order: Array<readonly [0 | 1, number]>;
}

const MATRIX = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];

/**
 * Writes `ftyp`, `moov` and the `mdat` header of a fast-start MP4. The moov's size depends only
 * on sample and chunk counts, so chunk offsets can be computed before any sample is written.
 */
export function buildMp4Header(plan: Mp4Plan): { header: Uint8Array; payloadSize: number } {
  const tracks = plan.audio ? [plan.video, plan.audio] : [plan.video];
  const sizes = tracks.map((t) => Array.from(t.sampleSizes));
  const chunkSizes = tracks.map((t, i) => {
    let next = 0;
    return t.chunks.map((count) => {
      let sum = 0;
      for (let k = 0; k < count; k++) sum += sizes[i]?.[next++] ?? 0;
      return sum;
    });
  });
  const payloadSize = chunkSizes.flat().reduce((a, b) => a + b, 0);
  const samples = tracks.reduce((n, t) => n + t.sampleSizes.length + t.chunks.length * 3, 0);
  const scratch = new Uint8Array(
    4096 + 16 * samples + (plan.video.syncSamples?.length ?? 0) * 4 + plan.video.avcC.length,
  );
  const offsets = tracks.map((t) => new Array<number>(t.chunks.length).fill(0));
  let header = writeHeader(scratch, plan, offsets, payloadSize);
  let position = header.length;
  for (const [track, chunk] of plan.order) {
    (offsets[track] as number[])[chunk] = position;
    position += chunkSizes[track]?.[chunk] ?? 0;
  }
  if (position > 0xffffffff) throw new RangeError('MP4 output over 4 GiB is not supported');
  header = writeHeader(scratch, plan, offsets, payloadSize);
  return { header: header.slice(), payloadSize };
}

function writeHeader(
  scratch: Uint8Array,
  plan: Mp4Plan,
  offsets: number[][],
  payloadSize: number,
): Uint8Array {
  const w = new ByteWriter(scratch);
  const seconds = (t: Mp4TrackPlan) => (t.sampleSizes.length * t.sampleDelta) / t.timescale;
  const movieMs = (t: Mp4TrackPlan) => Math.round(seconds(t) * 1000);
  const longest = Math.max(movieMs(plan.video), plan.audio ? movieMs(plan.audio) : 0);
  w.box('ftyp', (b) => b.ascii('isom').u32(512).ascii('isomiso2avc1mp41'));
  w.box('moov', (m) => {
    m.fullBox('mvhd', 0, 0, (b) => {
      b.u32(0).u32(0).u32(1000).u32(longest).u32(0x10000).u16(0x100).zeros(10);
      for (const v of MATRIX) b.u32(v);
      b.zeros(24).u32(plan.audio ? 3 : 2);
    });
    track(m, 1, plan.video, movieMs(plan.video), offsets[0] ?? [], 'vide');
    if (plan.audio) track(m, 2, plan.audio, movieMs(plan.audio), offsets[1] ?? [], 'soun');
  });
  if (payloadSize + 8 > 0xffffffff)
    w.u32(1)
      .ascii('mdat')
      .u32(Math.floor((payloadSize + 16) / 2 ** 32))
      .u32(payloadSize + 16);
  else w.u32(payloadSize + 8).ascii('mdat');
  return scratch.subarray(0, w.offset);
}

function track(
  m: ByteWriter,
  id: number,
  t: Mp4VideoPlan | Mp4AudioPlan,
  durationMs: number,
  offsets: number[],
  handler: 'vide' | 'soun',
): void {
  const video = 'avcC' in t ? t : undefined;
  const audio = 'audioSpecificConfig' in t ? t : undefined;
  m.box('trak', (k) => {
    k.fullBox('tkhd', 0, 3, (b) => {
      b.u32(0).u32(0).u32(id).u32(0).u32(durationMs).zeros(8);
      b.u16(0)
        .u16(audio ? 1 : 0)
        .u16(audio ? 0x100 : 0)
        .u16(0);
      for (const v of MATRIX) b.u32(v);
      b.u32((video?.width ?? 0) * 0x10000).u32((video?.height ?? 0) * 0x10000);
    });
    k.box('mdia', (d) => {
      d.fullBox('mdhd', 0, 0, (b) =>
        b
          .u32(0)
          .u32(0)
          .u32(t.timescale)
          .u32(t.sampleSizes.length * t.sampleDelta)
          .u16(0x55c4)
          .u16(0),
      );
      d.fullBox('hdlr', 0, 0, (b) =>
        b
          .u32(0)
          .ascii(handler)
          .zeros(12)
          .ascii(video ? 'VideoHandler' : 'SoundHandler')
          .u8(0),
      );
      d.box('minf', (n) => {
        if (video) n.fullBox('vmhd', 0, 1, (b) => b.zeros(8));
        else n.fullBox('smhd', 0, 0, (b) => b.zeros(4));
        n.box('dinf', (i) => i.fullBox('dref', 0, 0, (b) => b.u32(1).fullBox('url ', 0, 1, () => {})));
        n.box('stbl', (s) => {
          s.fullBox('stsd', 0, 0, (b) => {
            b.u32(1);
            if (video) sampleEntryAvc1(b, video);
            if (audio) sampleEntryMp4a(b, audio);
          });
          s.fullBox('stts', 0, 0, (b) => b.u32(1).u32(t.sampleSizes.length).u32(t.sampleDelta));
          if (t.syncSamples) {
            const sync = t.syncSamples;
            s.fullBox('stss', 0, 0, (b) => {
              b.u32(sync.length);
              for (const n of sync) b.u32(n);
            });
          }
          const runs: Array<[number, number]> = [];
          t.chunks.forEach((count, i) => {
            if (runs.at(-1)?.[1] !== count) runs.push([i + 1, count]);
          });
          s.fullBox('stsc', 0, 0, (b) => {
            b.u32(runs.length);
            for (const [first, count] of runs) b.u32(first).u32(count).u32(1);
          });
          s.fullBox('stsz', 0, 0, (b) => {
            b.u32(0).u32(t.sampleSizes.length);
            for (let i = 0; i < t.sampleSizes.length; i++) b.u32(t.sampleSizes[i] as number);
          });
          s.fullBox('stco', 0, 0, (b) => {
            b.u32(offsets.length);
            for (const o of offsets) b.u32(o);
          });
        });
      });
    });
  });
}

function sampleEntryAvc1(b: ByteWriter, v: Mp4VideoPlan): void {
  b.box('avc1', (e) => {
    e.zeros(6).u16(1).zeros(16).u16(v.width).u16(v.height).u32(0x480000).u32(0x480000).u32(0).u16(1);
    e.zeros(32).u16(0x18).u16(0xffff);
    e.box('avcC', (c) => c.raw(v.avcC));
    e.box('colr', (c) => c.ascii('nclx').u16(6).u16(6).u16(6).u8(0));
  });
}

function sampleEntryMp4a(b: ByteWriter, a: Mp4AudioPlan): void {
  b.box('mp4a', (e) => {
    e.zeros(6)
      .u16(1)
      .zeros(8)
      .u16(a.channels)
      .u16(16)
      .u16(0)
      .u16(0)
      .u32(a.sampleRate * 0x10000);
    const asc = a.audioSpecificConfig;
    const decoderConfig = 13 + 2 + asc.length;
    e.fullBox('esds', 0, 0, (d) => {
      d.u8(0x03)
        .u8(3 + 2 + decoderConfig + 3)
        .u16(2)
        .u8(0);
      d.u8(0x04).u8(decoderConfig).u8(0x40).u8(0x15).u8(0).u16(0x0600);
      d.u32(0).u32(0);
      d.u8(0x05).u8(asc.length).raw(asc);
      d.u8(0x06).u8(1).u8(0x02);
    });
  });
}
