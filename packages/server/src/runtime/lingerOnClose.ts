import type { Socket } from "node:net";

/** How long a closing connection keeps reading what its client still sends. */
export const LINGER_MS = 2_000;

/**
 * Makes the next `connection: close` answer on `socket` close gracefully. Node's server destroys
 * the socket once such an answer is written, and request bytes not read by then make the kernel
 * reset the connection, which can wipe the answer before the client reads it (an upload over the
 * body limit lost its 413 that way). Instead the socket half-closes after the answer, reads and
 * drops what the client still sends, and closes when the client does, or after `lingerMs`.
 */
export function lingerOnClose(socket: Socket, lingerMs = LINGER_MS): void {
  socket.destroySoon = function (this: Socket) {
    lingeringClose(this, lingerMs);
  };
}

/** Half-closes now (after what is queued), drops input, destroys when the peer closes or at `lingerMs`. */
export function lingeringClose(socket: Socket, lingerMs = LINGER_MS): void {
  if (socket.destroyed) return;
  socket.end();
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  timer.unref?.();
  socket.once("close", () => clearTimeout(timer));
}
