import { ConnectionClosedError } from "./ConnectionClosedError.js";
import type { HandshakeSend } from "./HandshakeSend.js";
import type { RpcResponse } from "./RpcResponse.js";
import { TransportError } from "./TransportError.js";

/** What a handshake needs from the transport and tells it. */
export interface HandshakeHooks {
  /** Whether the connection being set up is still the transport's. */
  isCurrent(): boolean;
  /** Sends one call on that connection, ahead of the queued ones. */
  transmit(method: string, params: object): Promise<RpcResponse>;
  /** The handshake succeeded: the queued calls may go out. */
  done(): void;
  /**
   * It failed: `refused` when the server answered with an error (bad credentials: stop trying),
   * else a transport failure (counts as a failed connection).
   */
  failed(error: unknown, refused: boolean): void;
}

/**
 * Authenticates a new connection (re-authenticates a reconnected one): runs `onConnect`, e.g.
 * `public/auth`, with a `send` bound to this connection, before any queued call goes out on it.
 */
export function runHandshake(
  onConnect: (send: HandshakeSend) => Promise<void>,
  hooks: HandshakeHooks,
): void {
  const send: HandshakeSend = (method, params) => {
    if (!hooks.isCurrent())
      return Promise.reject(new ConnectionClosedError("The connection was replaced.", { method }));
    return hooks.transmit(method, params);
  };
  onConnect(send).then(
    () => hooks.done(),
    (error) => hooks.failed(error, !(error instanceof TransportError)),
  );
}
