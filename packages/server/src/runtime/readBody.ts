import type { IncomingMessage } from "node:http";

/** A request body as text, or why there is none: larger than the limit, or the client went away. */
export type BodyOutcome = { readonly body: string } | { readonly fault: "too_large" | "aborted" };

const tooLarge: BodyOutcome = { fault: "too_large" };
const aborted: BodyOutcome = { fault: "aborted" };

/**
 * Reads a request body up to `limit` bytes and calls `done` once. A declared `content-length` over
 * the limit is refused before reading; a chunked body is cut off (and the request paused) as soon
 * as it passes it.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  done: (outcome: BodyOutcome) => void,
): void {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    done(tooLarge);
    return;
  }
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let size = 0;
  let finished = false;
  const finish = (outcome: BodyOutcome) => {
    if (finished) return;
    finished = true;
    req.off("data", onData);
    done(outcome);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      req.pause();
      finish(tooLarge);
    } else if (first === undefined) first = chunk;
    else if (more === undefined) more = [first, chunk];
    else more.push(chunk);
  };
  req.on("data", onData);
  req.on("end", () => {
    const body = more !== undefined ? Buffer.concat(more) : first;
    finish({ body: body === undefined ? "" : body.toString() });
  });
  req.on("close", () => finish(aborted));
}
