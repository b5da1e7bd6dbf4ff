/**
 * Counts the frames a server sends from their headers alone: every byte is read off the socket,
 * no payload is decoded or copied. Only a header split across two reads is copied (at most 10
 * bytes); a payload split across reads is skipped by count.
 */
export class FrameCounter {
  /** Complete frames so far. */
  frames = 0;
  /** Bytes read so far. */
  bytes = 0;
  /** Payload bytes of the current frame still to come in later reads. */
  #skip = 0;
  /** The start of a header the last read ended in. */
  #head: Buffer | undefined;

  /** Reads one chunk off the socket. */
  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let buf = chunk;
    let offset = 0;
    if (this.#skip > 0) {
      if (this.#skip >= buf.length) {
        this.#skip -= buf.length;
        if (this.#skip === 0) this.frames++;
        return;
      }
      offset = this.#skip;
      this.#skip = 0;
      this.frames++;
    }
    if (this.#head !== undefined) {
      buf = Buffer.concat([this.#head, buf.subarray(offset)]);
      offset = 0;
      this.#head = undefined;
    }
    const size = buf.length;
    while (offset < size) {
      if (size - offset < 2) break;
      let length = buf[offset + 1]! & 0x7f;
      let header = 2;
      if (length === 126) {
        if (size - offset < 4) break;
        length = buf.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (size - offset < 10) break;
        length = Number(buf.readBigUInt64BE(offset + 2));
        header = 10;
      }
      const end = offset + header + length;
      if (end > size) {
        if (offset + header <= size) {
          this.#skip = end - size;
          return;
        }
        break;
      }
      offset = end;
      this.frames++;
    }
    if (offset < size) this.#head = Buffer.from(buf.subarray(offset));
  }
}
