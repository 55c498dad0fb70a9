/** Sample rate of the emulator's audio track. */
export const AAC_SAMPLE_RATE = 48_000;
/** PCM samples per AAC-LC frame. */
export const AAC_FRAME_SAMPLES = 1024;

/**
 * AudioSpecificConfig: AAC-LC (object type 2), 48 kHz (index 3), mono (channel config 1),
 * 1024-sample frames, no extensions.
 */
export const aacAudioSpecificConfig: Uint8Array = Uint8Array.of(0b00010001, 0b10001000);

/**
 * One silent raw AAC-LC frame: a single-channel element whose long window has max_sfb = 0
 * (no scale factor bands, hence no spectral data), then ID_END. Bits: SCE id (000), tag (0000),
 * global_gain (8), ics_info (11: reserved, window_sequence, window_shape, max_sfb, predictor),
 * pulse/tns/gain-control flags (3), END (111) = 32 bits.
 */
export const aacSilentFrame: Uint8Array = Uint8Array.of(0x00, 0x00, 0x00, 0x07);

/** Number of AAC frames whose total duration is closest to `seconds` (error <= half a frame, 10.7 ms). */
export function aacFrameCount(seconds: number): number {
  return Math.max(1, Math.round((seconds * AAC_SAMPLE_RATE) / AAC_FRAME_SAMPLES));
}
