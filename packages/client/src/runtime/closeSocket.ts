import type { WebSocketLike } from "./WebSocketLike.js";

const CONNECTING = 0;
const OPEN = 1;

/**
 * Closes a socket normally; resolves when it has closed, or after a second if it never says so.
 * A socket still connecting is abandoned at once: there is no closing handshake to wait for.
 */
export function closeSocket(socket: WebSocketLike | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!socket || socket.readyState > OPEN) return resolve();
    if (socket.readyState === CONNECTING) {
      socket.close(1000, "client closed");
      return resolve();
    }
    const timer = setTimeout(resolve, 1_000);
    socket.onclose = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.close(1000, "client closed");
  });
}
