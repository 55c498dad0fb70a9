import { BitWriter } from './bit-writer.js';
import { NalType, nalUnit } from './nal-unit.js';

/** Picture geometry and rate the parameter sets describe. */
export interface H264StreamConfig {
  /** Visible width (even). */
  width: number;
  /** Visible height (even). */
  height: number;
  /** Frames per second. */
  fps: number;
}

/** Bits of frame_num in slice headers (log2_max_frame_num). */
export const FRAME_NUM_BITS = 16;

// [level_idc, MaxMBPS, MaxFS] from H.264 Table A-1.
const levels: ReadonlyArray<readonly [number, number, number]> = [
  [10, 1485, 99],
  [11, 3000, 396],
  [12, 6000, 396],
  [13, 11880, 396],
  [21, 19800, 792],
  [22, 20250, 1620],
  [30, 40500, 1620],
  [31, 108000, 3600],
  [32, 216000, 5120],
  [40, 245760, 8192],
  [42, 522240, 8704],
  [50, 589824, 22080],
  [51, 983040, 36864],
  [52, 2073600, 36864],
];

/** The smallest level whose frame size, macroblock rate and frame dimensions fit (1080p30: 4.0). */
export function chooseLevel(mbWidth: number, mbHeight: number, fps: number): number {
  const frameSize = mbWidth * mbHeight;
  for (const [level, maxMbps, maxFs] of levels) {
    const maxSide = Math.sqrt(8 * maxFs);
    if (frameSize <= maxFs && frameSize * fps <= maxMbps && mbWidth <= maxSide && mbHeight <= maxSide)
      return level;
  }
  return 52;
}

/** Constrained Baseline SPS NAL unit: POC type 2, one reference frame, cropping, BT.601 VUI with timing. */
export function buildSps(config: H264StreamConfig): Uint8Array {
  const mbWidth = Math.ceil(config.width / 16);
  const mbHeight = Math.ceil(config.height / 16);
  const w = new BitWriter(64);
  w.bits(66, 8); // profile_idc: Baseline
  w.bits(0b11000000, 8); // constraint_set0 + constraint_set1: Constrained Baseline
  w.bits(chooseLevel(mbWidth, mbHeight, config.fps), 8);
  w.ue(0); // seq_parameter_set_id
  w.ue(FRAME_NUM_BITS - 4);
  w.ue(2); // pic_order_cnt_type: output order = decode order
  w.ue(1); // max_num_ref_frames
  w.bit(0); // gaps_in_frame_num_value_allowed_flag
  w.ue(mbWidth - 1);
  w.ue(mbHeight - 1);
  w.bit(1); // frame_mbs_only_flag
  w.bit(1); // direct_8x8_inference_flag
  const cropRight = (mbWidth * 16 - config.width) / 2;
  const cropBottom = (mbHeight * 16 - config.height) / 2;
  const cropping = cropRight > 0 || cropBottom > 0;
  w.bit(cropping);
  if (cropping) {
    w.ue(0);
    w.ue(cropRight);
    w.ue(0);
    w.ue(cropBottom);
  }
  w.bit(1); // vui_parameters_present_flag
  w.bit(0); // aspect_ratio_info_present_flag
  w.bit(0); // overscan_info_present_flag
  w.bit(1); // video_signal_type_present_flag
  w.bits(5, 3); // video_format: unspecified
  w.bit(0); // video_full_range_flag: limited
  w.bit(1); // colour_description_present_flag
  w.bits(6, 8); // colour_primaries: SMPTE 170M
  w.bits(6, 8); // transfer_characteristics
  w.bits(6, 8); // matrix_coefficients: BT.601
  w.bit(0); // chroma_loc_info_present_flag
  w.bit(1); // timing_info_present_flag
  w.u32(1); // num_units_in_tick
  w.u32(2 * config.fps); // time_scale (two ticks per frame)
  w.bit(1); // fixed_frame_rate_flag
  w.bit(0); // nal_hrd_parameters_present_flag
  w.bit(0); // vcl_hrd_parameters_present_flag
  w.bit(0); // pic_struct_present_flag
  w.bit(1); // bitstream_restriction_flag
  w.bit(1); // motion_vectors_over_pic_boundaries_flag
  w.ue(0); // max_bytes_per_pic_denom
  w.ue(0); // max_bits_per_mb_denom
  w.ue(16); // log2_max_mv_length_horizontal
  w.ue(16); // log2_max_mv_length_vertical
  w.ue(0); // max_num_reorder_frames
  w.ue(1); // max_dec_frame_buffering
  w.trailingBits();
  return nalUnit(3, NalType.sps, w.view());
}

/** PPS NAL unit: CAVLC, QP 26, deblocking control present (slices switch the filter off). */
export function buildPps(): Uint8Array {
  const w = new BitWriter(16);
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.bit(0); // entropy_coding_mode_flag: CAVLC
  w.bit(0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.bit(0); // weighted_pred_flag
  w.bits(0, 2); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.bit(1); // deblocking_filter_control_present_flag
  w.bit(0); // constrained_intra_pred_flag
  w.bit(0); // redundant_pic_cnt_present_flag
  w.trailingBits();
  return nalUnit(3, NalType.pps, w.view());
}

/** The AVCDecoderConfigurationRecord (avcC box payload) for one SPS and one PPS. */
export function buildAvcC(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + sps.length + pps.length);
  out.set([
    1,
    sps[1] as number,
    sps[2] as number,
    sps[3] as number,
    0xff,
    0xe1,
    sps.length >> 8,
    sps.length & 0xff,
  ]);
  out.set(sps, 8);
  let o = 8 + sps.length;
  out.set([1, pps.length >> 8, pps.length & 0xff], o);
  o += 3;
  out.set(pps, o);
  return out;
}
