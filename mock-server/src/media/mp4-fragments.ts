import { ByteWriter } from './byte-writer.js';

/** A track of a fragmented MP4: what its init segment (`moov`) says before any sample exists. */
export interface FragmentedTrack {
  /** Media timescale (ticks per second). */
  readonly timescale: number;
  /** Duration of every sample in ticks. */
  readonly sampleDelta: number;
  /** Samples in the whole track (for the durations in `moov`). */
  readonly sampleCount: number;
}

/** The video track (track 1): H.264 in an avc1 sample entry. */
export interface FragmentedVideoTrack extends FragmentedTrack {
  /** Visible width. */
  readonly width: number;
  /** Visible height. */
  readonly height: number;
  /** AVCDecoderConfigurationRecord. */
  readonly avcC: Uint8Array;
}

/** The audio track (track 2): AAC in an mp4a sample entry. */
export interface FragmentedAudioTrack extends FragmentedTrack {
  /** Channel count. */
  readonly channels: number;
  /** Sample rate in Hz (also the timescale). */
  readonly sampleRate: number;
  /** AudioSpecificConfig. */
  readonly audioSpecificConfig: Uint8Array;
}

/** The tracks of a fragmented MP4. */
export interface FragmentedPlan {
  /** Track 1. */
  readonly video: FragmentedVideoTrack;
  /** Optional track 2. */
  readonly audio?: FragmentedAudioTrack;
}

/** The samples of one fragment of one track. */
export interface FragmentSamples {
  /** Index of the fragment's first sample in its track (its decode time is index x delta). */
  readonly first: number;
  /** Sample payloads in decode order. */
  readonly samples: readonly Uint8Array[];
  /** Which samples are sync samples (video); omitted: all are (audio). */
  readonly keyframes?: readonly boolean[];
}

const MATRIX = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];
const SYNC_FLAGS = 0x02000000; // sample_depends_on = 2 (depends on no other sample)
const NON_SYNC_FLAGS = 0x01010000; // sample_depends_on = 1, sample_is_non_sync_sample

const trackMs = (t: FragmentedTrack): number =>
  Math.round((t.sampleCount * t.sampleDelta * 1000) / t.timescale);

/**
 * The init segment of a fragmented MP4: `ftyp` (iso6, compatible with isom, iso5, avc1, mp41)
 * and a `moov` with empty sample tables, the whole duration (`mvhd`, `tkhd`, `mdhd`, `mehd`) and
 * one `trex` per track. Every sample comes later in `moof` + `mdat` pairs ({@link mp4Fragment}).
 */
export function mp4InitSegment(plan: FragmentedPlan): Uint8Array {
  const w = new ByteWriter(new Uint8Array(2048 + plan.video.avcC.length));
  const tracks: FragmentedTrack[] = plan.audio ? [plan.video, plan.audio] : [plan.video];
  const longest = Math.max(...tracks.map(trackMs));
  w.box('ftyp', (b) => b.ascii('iso6').u32(0).ascii('iso6isomiso5avc1mp41'));
  w.box('moov', (m) => {
    m.fullBox('mvhd', 0, 0, (b) => {
      b.u32(0).u32(0).u32(1000).u32(longest).u32(0x10000).u16(0x100).zeros(10);
      for (const v of MATRIX) b.u32(v);
      b.zeros(24).u32(tracks.length + 1);
    });
    track(m, 1, plan.video);
    if (plan.audio) track(m, 2, plan.audio);
    m.box('mvex', (x) => {
      x.fullBox('mehd', 0, 0, (b) => b.u32(longest));
      tracks.forEach((_, i) => {
        x.fullBox('trex', 0, 0, (b) =>
          b
            .u32(i + 1)
            .u32(1)
            .u32(0)
            .u32(0)
            .u32(0),
        );
      });
    });
  });
  return w.bytes.slice(0, w.offset);
}

/**
 * One movie fragment: `moof` (sequence `sequence`, one `traf` per track with its decode time and
 * sample sizes) followed by the `mdat` of its samples, video first. Returns a new buffer.
 */
export function mp4Fragment(
  plan: FragmentedPlan,
  sequence: number,
  video: FragmentSamples,
  audio?: FragmentSamples,
): Uint8Array {
  const parts = audio && plan.audio ? [video, audio] : [video];
  const payload = parts.reduce((n, p) => n + p.samples.reduce((s, x) => s + x.length, 0), 0);
  const moofSize =
    8 +
    16 +
    parts.reduce(
      (n, p, i) => n + 8 + (i === 0 ? 20 : 24) + 20 + 20 + p.samples.length * (i === 0 ? 8 : 4),
      0,
    );
  const out = new Uint8Array(moofSize + 8 + payload);
  const w = new ByteWriter(out);
  let dataOffset = moofSize + 8;
  w.box('moof', (m) => {
    m.fullBox('mfhd', 0, 0, (b) => b.u32(sequence));
    parts.forEach((p, i) => {
      const t = (i === 0 ? plan.video : plan.audio) as FragmentedTrack;
      m.box('traf', (f) => {
        // default-base-is-moof, default-sample-duration (+ default-sample-flags for audio)
        if (i === 0) f.fullBox('tfhd', 0, 0x020008, (b) => b.u32(1).u32(t.sampleDelta));
        else f.fullBox('tfhd', 0, 0x020028, (b) => b.u32(2).u32(t.sampleDelta).u32(SYNC_FLAGS));
        const decodeTime = p.first * t.sampleDelta;
        f.fullBox('tfdt', 1, 0, (b) => b.u32(Math.floor(decodeTime / 2 ** 32)).u32(decodeTime >>> 0));
        // data-offset, sample-size (+ sample-flags for video)
        f.fullBox('trun', 0, i === 0 ? 0x000601 : 0x000201, (b) => {
          b.u32(p.samples.length).u32(dataOffset);
          p.samples.forEach((s, k) => {
            b.u32(s.length);
            if (i === 0) b.u32(p.keyframes?.[k] === false ? NON_SYNC_FLAGS : SYNC_FLAGS);
          });
        });
        dataOffset += p.samples.reduce((s, x) => s + x.length, 0);
      });
    });
  });
  if (w.offset !== moofSize) throw new Error('internal: moof size mismatch');
  w.u32(payload + 8).ascii('mdat');
  for (const p of parts) for (const s of p.samples) w.raw(s);
  return out;
}

function track(m: ByteWriter, id: number, t: FragmentedVideoTrack | FragmentedAudioTrack): void {
  const video = 'avcC' in t ? t : undefined;
  const audio = 'audioSpecificConfig' in t ? t : undefined;
  m.box('trak', (k) => {
    k.fullBox('tkhd', 0, 3, (b) => {
      b.u32(0).u32(0).u32(id).u32(0).u32(trackMs(t)).zeros(8);
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
          .u32(t.sampleCount * t.sampleDelta)
          .u16(0x55c4)
          .u16(0),
      );
      d.fullBox('hdlr', 0, 0, (b) =>
        b
          .u32(0)
          .ascii(video ? 'vide' : 'soun')
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
          s.fullBox('stts', 0, 0, (b) => b.u32(0));
          s.fullBox('stsc', 0, 0, (b) => b.u32(0));
          s.fullBox('stsz', 0, 0, (b) => b.u32(0).u32(0));
          s.fullBox('stco', 0, 0, (b) => b.u32(0));
        });
      });
    });
  });
}

/** Writes an `avc1` sample entry (with `avcC` and `colr`). */
function sampleEntryAvc1(b: ByteWriter, v: FragmentedVideoTrack): void {
  b.box('avc1', (e) => {
    e.zeros(6).u16(1).zeros(16).u16(v.width).u16(v.height).u32(0x480000).u32(0x480000).u32(0).u16(1);
    e.zeros(32).u16(0x18).u16(0xffff);
    e.box('avcC', (c) => c.raw(v.avcC));
    e.box('colr', (c) => c.ascii('nclx').u16(6).u16(6).u16(6).u8(0));
  });
}

/** Writes an `mp4a` sample entry (with `esds`). */
function sampleEntryMp4a(b: ByteWriter, a: FragmentedAudioTrack): void {
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
