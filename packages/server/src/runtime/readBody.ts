import type { IncomingMessage } from "node:http";

/** A request body as text, or why there is none: larger than the limit, or the client went away. */
export type BodyOutcome = { readonly body: string } | { readonly fault: "too_large" | "aborted" };

/**
 * Reads a request body up to `limit` bytes. A declared `content-length` over the limit is refused
 * before reading; a chunked body is cut off (and the request paused) as soon as it passes it.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.resolve({ fault: "too_large" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve({ fault: "too_large" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => {
      const body = chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString();
      resolve({ body });
    });
    req.on("close", () => resolve({ fault: "aborted" }));
  });
}
