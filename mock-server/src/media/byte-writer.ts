/** A big-endian writer for ISO BMFF boxes into a fixed-size buffer. */
export class ByteWriter {
  /** Current write offset. */
  offset = 0;
  private readonly view: DataView;

  /** Writes into `bytes` (which must be large enough). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Writes an unsigned byte. */
  u8(value: number): this {
    this.view.setUint8(this.offset, value);
    this.offset += 1;
    return this;
  }

  /** Writes an unsigned 16-bit integer. */
  u16(value: number): this {
    this.view.setUint16(this.offset, value);
    this.offset += 2;
    return this;
  }

  /** Writes an unsigned 32-bit integer. */
  u32(value: number): this {
    this.view.setUint32(this.offset, value >>> 0);
    this.offset += 4;
    return this;
  }

  /** Writes ASCII text (a four-character code, a handler name). */
  ascii(text: string): this {
    for (let i = 0; i < text.length; i++) this.u8(text.charCodeAt(i));
    return this;
  }

  /** Writes raw bytes. */
  raw(data: Uint8Array): this {
    this.bytes.set(data, this.offset);
    this.offset += data.length;
    return this;
  }

  /** Writes `count` zero bytes. */
  zeros(count: number): this {
    this.bytes.fill(0, this.offset, this.offset + count);
    this.offset += count;
    return this;
  }

  /** Writes a box: size placeholder, type, `body`, then patches the size. */
  box(type: string, body: (w: this) => void): this {
    const start = this.offset;
    this.u32(0).ascii(type);
    body(this);
    this.view.setUint32(start, this.offset - start);
    return this;
  }

  /** Writes a full box (version and flags after the type). */
  fullBox(type: string, version: number, flags: number, body: (w: this) => void): this {
    return this.box(type, (w) => {
      w.u32(((version << 24) | flags) >>> 0);
      body(w);
    });
  }
}
