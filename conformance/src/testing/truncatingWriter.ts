import type { ServerResponse } from "node:http";

/**
 * An HTTP answer writer with a fixed buffer: it declares the whole body's length but sends at most
 * `bufferBytes` of it, then closes the connection (a server that never writes the rest).
 */
export function truncatingWriter(bufferBytes: number) {
  return (res: ServerResponse, status: number, contentType: string, body: string): void => {
    const bytes = Buffer.from(body);
    res.writeHead(status, { "content-type": contentType, "content-length": bytes.length });
    if (bytes.length <= bufferBytes) {
      res.end(bytes);
      return;
    }
    res.write(bytes.subarray(0, bufferBytes), () => res.destroy());
  };
}
