import type { WebSocketLike } from "./WebSocketLike.js";

const OPEN = 1;

/** Closes a socket normally; resolves when it has closed, or after a second if it never says so. */
export function closeSocket(socket: WebSocketLike | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!socket || socket.readyState > OPEN) return resolve();
    const timer = setTimeout(resolve, 1_000);
    socket.onclose = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.close(1000, "client closed");
  });
}
