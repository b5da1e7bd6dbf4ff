/**
 * Reads a server's WebSocket byte stream (unmasked frames, as a server sends them) and counts
 * the complete frames, by their headers only: every byte is read, no payload is decoded. The
 * bench's subscribers use it so that reading 100 connections' notifications costs the machine
 * what reading bytes costs, not what a JSON client costs (that client is not under test).
 */
export class FrameCounter {
  /** Complete frames seen so far. */
  frames = 0;
  /** Bytes read so far (headers and payloads). */
  bytes = 0;
  /** Payload bytes still to skip in the current frame. */
  #skip = 0;
  /** A header split between two chunks (at most 9 bytes kept). */
  #partial: Buffer | undefined;

  /** Feeds the next chunk of the stream. */
  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let data = chunk;
    if (this.#partial !== undefined) {
      data = Buffer.concat([this.#partial, chunk]);
      this.#partial = undefined;
    }
    let at = 0;
    if (this.#skip > 0) {
      const n = Math.min(this.#skip, data.length);
      this.#skip -= n;
      at = n;
      if (this.#skip === 0) this.frames++;
    }
    while (at < data.length) {
      if (data.length - at < 2) break;
      const short = data[at + 1]! & 0x7f;
      const header = short < 126 ? 2 : short === 126 ? 4 : 10;
      if (data.length - at < header) break;
      const length =
        short < 126
          ? short
          : short === 126
            ? data.readUInt16BE(at + 2)
            : Number(data.readBigUInt64BE(at + 2));
      at += header;
      const available = data.length - at;
      if (available >= length) {
        at += length;
        this.frames++;
      } else {
        this.#skip = length - available;
        at = data.length;
        return;
      }
    }
    if (at < data.length) this.#partial = data.subarray(at);
  }
}
