/** What {@link readMp4Info} learns from an MP4 / QuickTime file's boxes. */
export interface Mp4Info {
  /** Presentation duration in seconds (mvhd, else mvex/mehd, else the end of the last fragment, else the longest track). */
  readonly durationSeconds: number;
  /** Display width of the first video track (tkhd, else its sample entry). */
  readonly width?: number;
  /** Display height of the first video track (tkhd, else its sample entry). */
  readonly height?: number;
  /** Whether a track with handler `vide` exists. */
  readonly hasVideo: boolean;
  /** Whether a track with handler `soun` exists. */
  readonly hasAudio: boolean;
  /** Sample entry four-character code of the first video track, e.g. `avc1`, `hvc1`, `mp4v`. */
  readonly videoCodec?: string;
  /** Sample entry four-character code of the first audio track, e.g. `mp4a`. */
  readonly audioCodec?: string;
  /** `ftyp` major brand, e.g. `isom`, `mp42`, `qt  ` (absent when there is no ftyp). */
  readonly majorBrand?: string;
}

interface Box {
  type: string;
  /** First payload byte. */
  start: number;
  /** One past the last payload byte (clipped to the parent). */
  end: number;
}

interface Track {
  id?: number;
  handler?: string;
  codec?: string;
  width?: number;
  height?: number;
  timescale?: number;
  duration?: number;
  defaultSampleDuration?: number;
}

const TOP_LEVEL = new Set([
  'ftyp',
  'moov',
  'mdat',
  'free',
  'skip',
  'wide',
  'pdin',
  'styp',
  'uuid',
  'sidx',
  'moof',
]);
const UNKNOWN_32 = 0xffffffff;

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(offset: number, length: number, end = this.bytes.length): boolean {
    return offset >= 0 && offset + length <= Math.min(end, this.bytes.length);
  }
  u16(offset: number): number {
    return this.view.getUint16(offset);
  }
  u32(offset: number): number {
    return this.view.getUint32(offset);
  }
  u64(offset: number): number {
    return this.view.getUint32(offset) * 2 ** 32 + this.view.getUint32(offset + 4);
  }
  fourcc(offset: number): string {
    return String.fromCharCode(...this.bytes.subarray(offset, offset + 4));
  }

  /** Child boxes of [start, end); stops at the first malformed header. */
  *boxes(start: number, end: number): Generator<Box> {
    let offset = start;
    while (this.has(offset, 8, end)) {
      let size = this.u32(offset);
      let header = 8;
      if (size === 1) {
        if (!this.has(offset, 16, end)) return;
        size = this.u64(offset + 8);
        header = 16;
      } else if (size === 0) size = end - offset;
      if (size < header) return;
      yield { type: this.fourcc(offset + 4), start: offset + header, end: Math.min(end, offset + size) };
      offset += size;
    }
  }

  child(parent: Box, type: string): Box | undefined {
    for (const box of this.boxes(parent.start, parent.end)) if (box.type === type) return box;
    return undefined;
  }

  /** A version 0/1 full-box time field pair: timescale and duration. */
  timing(box: Box, v0Offset: number, v1Offset: number): { timescale: number; duration: number } | undefined {
    const version = this.bytes[box.start];
    if (
      version === 1
        ? !this.has(box.start + v1Offset, 12, box.end)
        : !this.has(box.start + v0Offset, 8, box.end)
    ) {
      return undefined;
    }
    if (version === 1)
      return { timescale: this.u32(box.start + v1Offset), duration: this.u64(box.start + v1Offset + 4) };
    const duration = this.u32(box.start + v0Offset + 4);
    return { timescale: this.u32(box.start + v0Offset), duration: duration === UNKNOWN_32 ? 0 : duration };
  }
}

function readTrack(reader: Reader, trak: Box): Track {
  const track: Track = {};
  const tkhd = reader.child(trak, 'tkhd');
  if (tkhd !== undefined) {
    const v1 = reader.bytes[tkhd.start] === 1;
    if (reader.has(tkhd.start + (v1 ? 20 : 12), 4, tkhd.end))
      track.id = reader.u32(tkhd.start + (v1 ? 20 : 12));
    const sizeAt = tkhd.start + (v1 ? 88 : 76);
    if (reader.has(sizeAt, 8, tkhd.end)) {
      track.width = Math.round(reader.u32(sizeAt) / 65536);
      track.height = Math.round(reader.u32(sizeAt + 4) / 65536);
    }
  }
  const mdia = reader.child(trak, 'mdia');
  if (mdia === undefined) return track;
  const mdhd = reader.child(mdia, 'mdhd');
  const timing = mdhd && reader.timing(mdhd, 12, 20);
  if (timing !== undefined) Object.assign(track, timing);
  const hdlr = reader.child(mdia, 'hdlr');
  if (hdlr !== undefined && reader.has(hdlr.start + 8, 4, hdlr.end))
    track.handler = reader.fourcc(hdlr.start + 8);
  const minf = reader.child(mdia, 'minf');
  const stbl = minf && reader.child(minf, 'stbl');
  const stsd = stbl && reader.child(stbl, 'stsd');
  if (stsd !== undefined && reader.has(stsd.start + 8, 8, stsd.end) && reader.u32(stsd.start + 4) > 0) {
    const entry = stsd.start + 8;
    track.codec = reader.fourcc(entry + 4);
    if (track.handler === 'vide' && !track.width && reader.has(entry + 32, 4, stsd.end)) {
      track.width = reader.u16(entry + 32);
      track.height = reader.u16(entry + 34);
    }
  }
  return track;
}

/** End time in seconds of the last movie fragment (moof/traf: tfdt + trun sample durations). */
function fragmentsEnd(reader: Reader, tracks: Track[]): number {
  let end = 0;
  for (const moof of reader.boxes(0, reader.bytes.length)) {
    if (moof.type !== 'moof') continue;
    for (const traf of reader.boxes(moof.start, moof.end)) {
      if (traf.type !== 'traf') continue;
      const tfhd = reader.child(traf, 'tfhd');
      if (tfhd === undefined || !reader.has(tfhd.start, 8, tfhd.end)) continue;
      const track = tracks.find((t) => t.id === reader.u32(tfhd.start + 4));
      if (!track?.timescale) continue;
      const tfhdFlags = reader.u32(tfhd.start) & 0xffffff;
      let fieldAt = tfhd.start + 8 + (tfhdFlags & 0x01 ? 8 : 0) + (tfhdFlags & 0x02 ? 4 : 0);
      let defaultDuration = track.defaultSampleDuration ?? 0;
      if (tfhdFlags & 0x08 && reader.has(fieldAt, 4, tfhd.end)) defaultDuration = reader.u32(fieldAt);
      fieldAt += 4;
      const tfdt = reader.child(traf, 'tfdt');
      let time = 0;
      if (tfdt !== undefined && reader.has(tfdt.start, 8, tfdt.end)) {
        time =
          reader.bytes[tfdt.start] === 1 && reader.has(tfdt.start, 12, tfdt.end)
            ? reader.u64(tfdt.start + 4)
            : reader.u32(tfdt.start + 4);
      }
      for (const trun of reader.boxes(traf.start, traf.end)) {
        if (trun.type !== 'trun' || !reader.has(trun.start, 8, trun.end)) continue;
        const flags = reader.u32(trun.start) & 0xffffff;
        const count = reader.u32(trun.start + 4);
        let at = trun.start + 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
        const stride = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
        if (!(flags & 0x100)) time += count * defaultDuration;
        else {
          for (let i = 0; i < count && reader.has(at, 4, trun.end); i++, at += stride) time += reader.u32(at);
        }
      }
      end = Math.max(end, time / track.timescale);
    }
  }
  return end;
}

function readInfo(reader: Reader): Mp4Info | undefined {
  const topLevel = [...reader.boxes(0, reader.bytes.length)];
  if (topLevel.length === 0 || !TOP_LEVEL.has(topLevel[0]!.type)) return undefined;
  const ftyp = topLevel.find((box) => box.type === 'ftyp');
  const majorBrand = ftyp && reader.has(ftyp.start, 4, ftyp.end) ? reader.fourcc(ftyp.start) : undefined;
  const moov = topLevel.find((box) => box.type === 'moov');
  const mvhd = moov && reader.child(moov, 'mvhd');
  const movie = mvhd && reader.timing(mvhd, 12, 20);
  if (moov === undefined || movie === undefined || movie.timescale === 0) return undefined;

  const tracks = [...reader.boxes(moov.start, moov.end)]
    .filter((box) => box.type === 'trak')
    .map((trak) => readTrack(reader, trak));
  const mvex = reader.child(moov, 'mvex');
  if (mvex !== undefined) {
    for (const trex of reader.boxes(mvex.start, mvex.end)) {
      if (trex.type !== 'trex' || !reader.has(trex.start, 20, trex.end)) continue;
      const track = tracks.find((t) => t.id === reader.u32(trex.start + 4));
      if (track) track.defaultSampleDuration = reader.u32(trex.start + 12);
    }
  }
  const mehd = mvex && reader.child(mvex, 'mehd');
  const fragmentDuration =
    mehd && reader.has(mehd.start, 8, mehd.end)
      ? reader.bytes[mehd.start] === 1 && reader.has(mehd.start, 12, mehd.end)
        ? reader.u64(mehd.start + 4)
        : reader.u32(mehd.start + 4)
      : 0;
  const trackSeconds = Math.max(0, ...tracks.map((t) => (t.timescale ? (t.duration ?? 0) / t.timescale : 0)));
  const durationSeconds =
    movie.duration > 0
      ? movie.duration / movie.timescale
      : fragmentDuration > 0
        ? fragmentDuration / movie.timescale
        : fragmentsEnd(reader, tracks) || trackSeconds;

  if (!(Number.isFinite(durationSeconds) && durationSeconds > 0)) return undefined;
  const video = tracks.find((t) => t.handler === 'vide');
  const audio = tracks.find((t) => t.handler === 'soun');
  return {
    durationSeconds,
    ...(video?.width ? { width: video.width, height: video.height } : {}),
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    ...(video?.codec ? { videoCodec: video.codec } : {}),
    ...(audio?.codec ? { audioCodec: audio.codec } : {}),
    ...(majorBrand ? { majorBrand } : {}),
  };
}

/**
 * Reads duration, video size, track kinds and codecs from an MP4 / QuickTime file by walking its
 * ISO BMFF boxes (ftyp, moov/mvhd, trak/tkhd, mdia/mdhd/hdlr, stsd, mvex, moof fragments). Never
 * decodes media. Returns undefined for anything without a readable moov/mvhd or without a positive
 * duration; never throws.
 *
 * @example
 * const info = readMp4Info(upload); // { durationSeconds: 3, width: 320, height: 240, hasVideo: true, ... }
 * if (info === undefined || info.durationSeconds > 5) reject();
 */
export function readMp4Info(bytes: Uint8Array): Mp4Info | undefined {
  try {
    return readInfo(new Reader(bytes));
  } catch {
    return undefined; // belt and braces: every read above is bounds-checked
  }
}
