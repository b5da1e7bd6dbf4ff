import type { IncomingMessage } from "node:http";

/**
 * A request body as text, or why there is none: larger than the limit, not all there within the
 * deadline, or the client went away.
 */
export type BodyOutcome =
  | { readonly body: string }
  | { readonly fault: "too_large" | "timeout" | "aborted" };

const tooLarge: BodyOutcome = { fault: "too_large" };
const timedOut: BodyOutcome = { fault: "timeout" };
const aborted: BodyOutcome = { fault: "aborted" };

/** Whether the request declares a `content-length` over `limit` (refused before reading). */
export function declaresTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = req.headers["content-length"];
  return declared !== undefined && Number(declared) > limit;
}

/**
 * Reads a request body up to `limit` bytes within `timeoutMs` and calls `done` once. A chunked
 * body is cut off as soon as it passes the limit; from then on (and after a timeout) the rest of
 * it is read and dropped, so that the answer can be written and the connection closed without the
 * kernel resetting it over unread bytes.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  timeoutMs: number,
  done: (outcome: BodyOutcome) => void,
): void {
  if (declaresTooLarge(req, limit)) {
    done(tooLarge);
    return;
  }
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let size = 0;
  let finished = false;
  const timer = setTimeout(() => finish(timedOut), timeoutMs);
  const finish = (outcome: BodyOutcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    req.off("data", onData);
    if (!("body" in outcome)) req.resume();
    done(outcome);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      first = more = undefined;
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
