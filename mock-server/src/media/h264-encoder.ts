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

  // Every comparison and copy below works on 32-bit words: a macroblock row is 4 luma words, a
  // chroma row 2 (strides are multiples of 16 samples, so rows start on word boundaries).
  const sw = stride >> 2;
  const csw = cstride >> 2;
  const words = (bytes: Uint8Array): Uint32Array =>
    new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const refWords = { y: words(ref.y), u: words(ref.u), v: words(refV) };
  let viewsOf: Planes | null = null;
  let pw = refWords;
  /** Word views of `p` (word-aligned copies of planes that do not start on a word boundary). */
  const wordPlanes = (p: Planes): Planes => {
    const aligned = p.y.byteOffset % 4 === 0 && p.u.byteOffset % 4 === 0 && p.v.byteOffset % 4 === 0;
    const planes = aligned ? p : { ...p, y: p.y.slice(), u: p.u.slice(), v: p.v.slice() };
    if (viewsOf !== p || !aligned) {
      viewsOf = p;
      pw = { y: words(planes.y), u: words(planes.u), v: words(planes.v) };
    }
    return planes;
  };
  const repeated = (byte: number): number => (byte * 0x01010101) >>> 0;

  const lumaMode = (p: Planes, mx: number, my: number): number => {
    const base = my * 16 * sw + mx * 4;
    const y = pw.y;
    if (my > 0) {
      const above = base - sw;
      const a0 = y[above];
      const a1 = y[above + 1];
      const a2 = y[above + 2];
      const a3 = y[above + 3];
      let exact = true;
      for (let r = 0, row = base; r < 16 && exact; r++, row += sw)
        exact = y[row] === a0 && y[row + 1] === a1 && y[row + 2] === a2 && y[row + 3] === a3;
      if (exact) return 0;
    }
    if (mx > 0) {
      let exact = true;
      for (let r = 0, row = base; r < 16 && exact; r++, row += sw) {
        const left = repeated(p.y[(my * 16 + r) * stride + mx * 16 - 1] as number);
        exact = y[row] === left && y[row + 1] === left && y[row + 2] === left && y[row + 3] === left;
      }
      if (exact) return 1;
    }
    return NO_MODE;
  };

  const chromaPlaneMatches = (
    c: Uint8Array,
    cw: Uint32Array,
    mx: number,
    my: number,
    mode: number,
  ): boolean => {
    const base = my * 8 * csw + mx * 2;
    if (mode === 1) {
      for (let r = 0, row = base; r < 8; r++, row += csw) {
        const left = repeated(c[(my * 8 + r) * cstride + mx * 8 - 1] as number);
        if (cw[row] !== left || cw[row + 1] !== left) return false;
      }
      return true;
    }
    const a0 = cw[base - csw];
    const a1 = cw[base - csw + 1];
    for (let r = 0, row = base; r < 8; r++, row += csw)
      if (cw[row] !== a0 || cw[row + 1] !== a1) return false;
    return true;
  };

  // intra_chroma_pred_mode: 1 = horizontal, 2 = vertical.
  const chromaMode = (p: Planes, mx: number, my: number): number => {
    if (mx > 0 && chromaPlaneMatches(p.u, pw.u, mx, my, 1) && chromaPlaneMatches(p.v, pw.v, mx, my, 1))
      return 1;
    if (my > 0 && chromaPlaneMatches(p.u, pw.u, mx, my, 2) && chromaPlaneMatches(p.v, pw.v, mx, my, 2))
      return 2;
    return NO_MODE;
  };

  const sameAsReference = (mx: number, my: number): boolean => {
    const { y, u, v } = pw;
    for (let r = 0, row = my * 16 * sw + mx * 4; r < 16; r++, row += sw)
      if (
        y[row] !== refWords.y[row] ||
        y[row + 1] !== refWords.y[row + 1] ||
        y[row + 2] !== refWords.y[row + 2] ||
        y[row + 3] !== refWords.y[row + 3]
      )
        return false;
    for (let r = 0, row = my * 8 * csw + mx * 2; r < 8; r++, row += csw)
      if (
        u[row] !== refWords.u[row] ||
        u[row + 1] !== refWords.u[row + 1] ||
        v[row] !== refWords.v[row] ||
        v[row + 1] !== refWords.v[row + 1]
      )
        return false;
    return true;
  };

  const remember = (mx: number, my: number) => {
    const { y, u, v } = pw;
    for (let r = 0, row = my * 16 * sw + mx * 4; r < 16; r++, row += sw)
      for (let i = row; i < row + 4; i++) refWords.y[i] = y[i] as number;
    for (let r = 0, row = my * 8 * csw + mx * 2; r < 8; r++, row += csw) {
      refWords.u[row] = u[row] as number;
      refWords.u[row + 1] = u[row + 1] as number;
      refWords.v[row] = v[row] as number;
      refWords.v[row + 1] = v[row + 1] as number;
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
    encode(input, dirty) {
      if (input.width !== stride || input.height !== mbHeight * 16)
        throw new RangeError(`planes must be ${stride}x${mbHeight * 16}`);
      const planes = wordPlanes(input);
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
        if (sameAsReference(mx, my)) continue;
        skipRun = mb - previous - 1;
        w.ue(skipRun);
        writeMacroblock(planes, mb, mx, my, 5);
        remember(mx, my);
        previous = mb;
      }
      marked.length = 0;
      if (previous < mbCount - 1) w.ue(mbCount - 1 - previous);
      return finish(false);
    },
  };
}
