/**
 * Byte-level checks of downloaded media: MP4 (`ftyp` box), WebP, JPEG.
 * @module
 */
import { ContractFailure } from './contract-failure.js';

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** Requires an MP4: a leading `ftyp` box. */
export function expectMp4(bytes: Uint8Array | undefined, what: string): void {
  if (bytes === undefined || bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') {
    throw new ContractFailure(`${what}: not an MP4 (no leading ftyp box; ${bytes?.length ?? 0} bytes)`);
  }
}

/** Requires a WebP image (`RIFF....WEBP`). */
export function expectWebp(bytes: Uint8Array | undefined, what: string): void {
  if (
    bytes === undefined ||
    bytes.length < 12 ||
    ascii(bytes, 0, 4) !== 'RIFF' ||
    ascii(bytes, 8, 4) !== 'WEBP'
  ) {
    throw new ContractFailure(`${what}: not a WebP image`);
  }
}

/** Requires a JPEG image (`FF D8 FF`). */
export function expectJpeg(bytes: Uint8Array | undefined, what: string): void {
  if (
    bytes === undefined ||
    bytes.length < 3 ||
    bytes[0] !== 0xff ||
    bytes[1] !== 0xd8 ||
    bytes[2] !== 0xff
  ) {
    throw new ContractFailure(`${what}: not a JPEG image`);
  }
}
