import { BitWriter } from './bit-writer.js';
import {
  buildAvcC,
  buildPps,
  buildSps,
  FRAME_NUM_BITS,
  type H264StreamConfig,
} from './h264-parameter-sets.js';
import { NalType, writeNalUnit } from './nal-unit.js';
import type { Planes, Rect } from './planes.js';

/** One coded picture in MP4 sample form (4-byte big-endian length + NAL unit). */
export interface EncodedFrame {
  /** The sample bytes; a view that stays valid only until the next `encode` call. */
  data: Uint8Array;
  /** True for IDR pictures (sync samples). */
  keyframe: boolean;
}

/** A lossless H.264 encoder for scenes that change little from frame to frame. */
export interface H264Encoder {
  /** Sequence parameter set NAL unit. */
  readonly sps: Uint8Array;
  /** Picture parameter set NAL unit. */
  readonly pps: Uint8Array;
  /** AVCDecoderConfigurationRecord for the MP4 avcC box. */
  readonly avcC: Uint8Array;
  /**
   * Codes the next picture from padded planes (width and height multiples of 16). `dirty`
   * lists the regions that may differ from the previous picture; omit it to code an IDR.
   */
  encode(planes: Planes, dirty?: readonly Rect[]): EncodedFrame;
}

/** Encoder settings on top of the stream geometry. */
export interface H264EncoderConfig extends H264StreamConfig {
  /** Frames between IDR pictures; default 10 seconds' worth. */
  keyframeInterval?: number;
}

enum Kind {
  Skip = 0,
  Intra16 = 1,
  Pcm = 2,
}
const NO_MODE = -1;

/**
 * The AVCDecoderConfigurationRecord the encoder of `config` writes (without allocating an encoder).
 * @example
 * const avcC = h264AvcC({ width: 1280, height: 720, fps: 30 });
 */
export function h264AvcC(config: H264StreamConfig): Uint8Array {
  return buildAvcC(buildSps(config), buildPps());
}

/**
 * Creates an encoder. Every macroblock is coded losslessly: P_Skip where nothing changed,
 * I_16x16 with no residual where vertical/horizontal prediction reproduces it exactly, and
 * I_PCM otherwise. Deblocking is off, so the decoded picture equals the input bit for bit.
 * @example
 * const encoder = createH264Encoder({ width: 1280, height: 720, fps: 30 });
 * const idr = encoder.encode(canvas.planes);
 * const next = encoder.encode(canvas.planes, canvas.seek(1));
 */
export function createH264Encoder(config: H264EncoderConfig): H264Encoder {
  const mbWidth = Math.ceil(config.width / 16);
  const mbHeight = Math.ceil(config.height / 16);
  const mbCount = mbWidth * mbHeight;
  const stride = mbWidth * 16;
  const cstride = stride >> 1;
  const keyframeInterval = config.keyframeInterval ?? 10 * config.fps;
  const sps = buildSps(config);
  const pps = buildPps();
  const ref = { y: new Uint8Array(stride * mbHeight * 16), u: new Uint8Array(cstride * mbHeight * 8) };
  const refV = new Uint8Array(cstride * mbHeight * 8);
  const kinds = new Uint8Array(mbCount);
  const marks = new Uint8Array(mbCount);
  const pcm = new Uint8Array(384);
  // Both grow on demand; a P picture of a scene is a few KB.
  const w = new BitWriter(1 << 16);
  let out = new Uint8Array(1 << 16);
  let frameNum = 0;
  let idrCount = 0;

  const lumaMode = (p: Planes, mx: number, my: number): number => {
    const x0 = mx * 16;
    const y0 = my * 16;
    if (my > 0) {
      const above = (y0 - 1) * stride + x0;
      let exact = true;
      for (let r = 0; r < 16 && exact; r++) {
        const row = (y0 + r) * stride + x0;
        for (let i = 0; i < 16; i++) if (p.y[row + i] !== p.y[above + i]) exact = false;
      }
      if (exact) return 0;
    }
    if (mx > 0) {
      let exact = true;
      for (let r = 0; r < 16 && exact; r++) {
        const row = (y0 + r) * stride + x0;
        const left = p.y[row - 1];
        for (let i = 0; i < 16; i++) if (p.y[row + i] !== left) exact = false;
      }
      if (exact) return 1;
    }
    return NO_MODE;
  };

  const chromaPlaneMatches = (c: Uint8Array, mx: number, my: number, mode: number): boolean => {
    const x0 = mx * 8;
    const y0 = my * 8;
    for (let r = 0; r < 8; r++) {
      const row = (y0 + r) * cstride + x0;
      for (let i = 0; i < 8; i++) {
        const predicted = mode === 1 ? c[row - 1] : c[(y0 - 1) * cstride + x0 + i];
        if (c[row + i] !== predicted) return false;
      }
    }
    return true;
  };

  // intra_chroma_pred_mode: 1 = horizontal, 2 = vertical.
  const chromaMode = (p: Planes, mx: number, my: number): number => {
    if (mx > 0 && chromaPlaneMatches(p.u, mx, my, 1) && chromaPlaneMatches(p.v, mx, my, 1)) return 1;
    if (my > 0 && chromaPlaneMatches(p.u, mx, my, 2) && chromaPlaneMatches(p.v, mx, my, 2)) return 2;
    return NO_MODE;
  };

  const sameAsReference = (p: Planes, mx: number, my: number): boolean => {
    for (let r = 0; r < 16; r++) {
      const row = (my * 16 + r) * stride + mx * 16;
      for (let i = 0; i < 16; i++) if (p.y[row + i] !== ref.y[row + i]) return false;
    }
    for (let r = 0; r < 8; r++) {
      const row = (my * 8 + r) * cstride + mx * 8;
      for (let i = 0; i < 8; i++)
        if (p.u[row + i] !== ref.u[row + i] || p.v[row + i] !== refV[row + i]) return false;
    }
    return true;
  };

  // Plain loops: a macroblock row is 16 (or 8) bytes, less than a subarray view costs.
  const remember = (p: Planes, mx: number, my: number) => {
    for (let r = 0; r < 16; r++) {
      const row = (my * 16 + r) * stride + mx * 16;
      for (let i = row; i < row + 16; i++) ref.y[i] = p.y[i] as number;
    }
    for (let r = 0; r < 8; r++) {
      const row = (my * 8 + r) * cstride + mx * 8;
      for (let i = row; i < row + 8; i++) {
        ref.u[i] = p.u[i] as number;
        refV[i] = p.v[i] as number;
      }
    }
  };

  // coeff_token for TotalCoeff = 0 of the Intra16x16 DC block; nC from the neighbours (I_PCM counts 16).
  const writeEmptyDc = (mb: number, mx: number, my: number) => {
    const a = mx > 0 ? (kinds[mb - 1] === Kind.Pcm ? 16 : 0) : -1;
    const b = my > 0 ? (kinds[mb - mbWidth] === Kind.Pcm ? 16 : 0) : -1;
    const nC = a >= 0 && b >= 0 ? (a + b + 1) >> 1 : Math.max(a, b, 0);
    if (nC < 2) w.bits(1, 1);
    else if (nC < 4) w.bits(3, 2);
    else if (nC < 8) w.bits(15, 4);
    else w.bits(3, 6);
  };

  const writeMacroblock = (p: Planes, mb: number, mx: number, my: number, typeOffset: number) => {
    const luma = lumaMode(p, mx, my);
    const chroma = luma === NO_MODE ? NO_MODE : chromaMode(p, mx, my);
    if (chroma !== NO_MODE) {
      kinds[mb] = Kind.Intra16;
      w.ue(typeOffset + 1 + luma); // I_16x16_<mode>_0_0: no AC, no chroma residual
      w.ue(chroma);
      w.se(0); // mb_qp_delta
      writeEmptyDc(mb, mx, my);
      return;
    }
    kinds[mb] = Kind.Pcm;
    w.ue(typeOffset + 25);
    w.alignZero();
    for (let r = 0; r < 16; r++) {
      const row = (my * 16 + r) * stride + mx * 16;
      for (let i = 0; i < 16; i++) pcm[r * 16 + i] = p.y[row + i] as number;
    }
    for (let r = 0; r < 8; r++) {
      const row = (my * 8 + r) * cstride + mx * 8;
      for (let i = 0; i < 8; i++) {
        pcm[256 + r * 8 + i] = p.u[row + i] as number;
        pcm[320 + r * 8 + i] = p.v[row + i] as number;
      }
    }
    w.bytes(pcm);
  };

  const sliceHeader = (idr: boolean) => {
    w.ue(0); // first_mb_in_slice
    w.ue(idr ? 7 : 5); // slice_type: I or P, same for the whole picture
    w.ue(0); // pic_parameter_set_id
    w.bits(frameNum, FRAME_NUM_BITS);
    if (idr) w.ue(idrCount % 2); // idr_pic_id differs between consecutive IDRs
    if (!idr) {
      w.bit(0); // num_ref_idx_active_override_flag
      w.bit(0); // ref_pic_list_modification_flag_l0
    }
    if (idr) {
      w.bit(0); // no_output_of_prior_pics_flag
      w.bit(0); // long_term_reference_flag
    } else {
      w.bit(0); // adaptive_ref_pic_marking_mode_flag
    }
    w.se(0); // slice_qp_delta
    w.ue(1); // disable_deblocking_filter_idc: off, so reconstruction is exact
  };

  const finish = (idr: boolean): EncodedFrame => {
    w.trailingBits();
    const rbsp = w.view();
    const need = Math.ceil(rbsp.length * 1.5) + 8;
    if (out.length < need) out = new Uint8Array(need);
    const size = writeNalUnit(out, 4, idr ? 3 : 2, idr ? NalType.idr : NalType.slice, rbsp);
    out[0] = size >>> 24;
    out[1] = (size >>> 16) & 0xff;
    out[2] = (size >>> 8) & 0xff;
    out[3] = size & 0xff;
    return { data: out.subarray(0, size + 4), keyframe: idr };
  };

  let sinceKeyframe = 0;
  const marked: number[] = [];

  return {
    sps,
    pps,
    avcC: buildAvcC(sps, pps),
    encode(planes, dirty) {
      if (planes.width !== stride || planes.height !== mbHeight * 16)
        throw new RangeError(`planes must be ${stride}x${mbHeight * 16}`);
      w.reset();
      const idr = dirty === undefined || sinceKeyframe >= keyframeInterval;
      if (idr) {
        frameNum = 0;
        sinceKeyframe = 0;
        sliceHeader(true);
        for (let my = 0, mb = 0; my < mbHeight; my++)
          for (let mx = 0; mx < mbWidth; mx++, mb++) writeMacroblock(planes, mb, mx, my, 0);
        ref.y.set(planes.y);
        ref.u.set(planes.u);
        refV.set(planes.v);
        idrCount++;
        sinceKeyframe++;
        return finish(true);
      }
      frameNum = (frameNum + 1) % (1 << FRAME_NUM_BITS);
      sinceKeyframe++;
      sliceHeader(false);
      for (const rect of dirty) {
        const mx1 = Math.min(mbWidth, Math.ceil(rect.x1 / 16));
        const my1 = Math.min(mbHeight, Math.ceil(rect.y1 / 16));
        for (let my = Math.max(0, Math.floor(rect.y0 / 16)); my < my1; my++)
          for (let mx = Math.max(0, Math.floor(rect.x0 / 16)); mx < mx1; mx++) {
            const mb = my * mbWidth + mx;
            if (marks[mb] === 0) {
              marks[mb] = 1;
              marked.push(mb);
            }
          }
      }
      marked.sort((a, b) => a - b);
      kinds.fill(Kind.Skip);
      let skipRun = 0;
      let previous = -1;
      for (const mb of marked) {
        marks[mb] = 0;
        const mx = mb % mbWidth;
        const my = (mb - mx) / mbWidth;
        if (sameAsReference(planes, mx, my)) continue;
        skipRun = mb - previous - 1;
        w.ue(skipRun);
        writeMacroblock(planes, mb, mx, my, 5);
        remember(planes, mx, my);
        previous = mb;
      }
      marked.length = 0;
      if (previous < mbCount - 1) w.ue(mbCount - 1 - previous);
      return finish(false);
    },
  };
}
