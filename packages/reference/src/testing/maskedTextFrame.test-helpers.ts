/**
 * A client's masked WebSocket text frame with mask key 0 (the payload as it is), for tests that
 * write several frames in one socket write.
 */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const n = payload.length;
  let header: Buffer;
  if (n < 126) header = Buffer.from([0x81, 0x80 | n]);
  else if (n < 65536) header = Buffer.from([0x81, 0x80 | 126, n >> 8, n & 0xff]);
  else throw new Error("too long for this helper");
  return Buffer.concat([header, Buffer.alloc(4), payload]);
}
