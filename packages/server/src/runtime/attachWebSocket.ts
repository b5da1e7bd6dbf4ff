import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { CallContext } from "./CallContext.js";
import type { ChannelHub } from "./ChannelHub.js";
import type { Dispatcher } from "./createDispatcher.js";
import { PendingCounter } from "./PendingCounter.js";
import type { ServerLimits } from "./ServerLimits.js";
import { WsSession } from "./WsSession.js";

/** The WebSocket side of a server, for its shutdown. */
export interface WebSocketTransport {
  readonly sessions: ReadonlySet<WsSession>;
  /** Requests read but not dispatched yet (back-pressure backlogs), and connections whose output is stuck. */
  readonly held: PendingCounter;
  /** Requests never answered on connections that closed after `stopAccepting`. */
  readonly unanswered: number;
  /** Stops reading new requests from every connection and refuses new ones. */
  stopAccepting(): void;
  /** Closes every connection with 1001 and resolves when they are gone. */
  closeAll(timeoutMs: number): Promise<void>;
  /** Connections closed for staying idle unauthenticated (`wsIdleTimeoutMs`). */
  readonly idleClosed: number;
}

export interface WebSocketOptions {
  /** The server's clock, ms since the epoch: idle times and principals' expiry. */
  readonly now: () => number;
  /** Connections a cap already refused: their upgrade requests are ignored. */
  readonly isRefused?: (socket: Socket) => boolean;
  /** The WebSocket endpoint (default `/ws/api/v2`). */
  readonly path?: string;
  /** The channels: told when a connection opens and closes (subscriptions, `disconnected`). */
  readonly channels?: ChannelHub;
}

function rejectUpgrade(socket: Socket, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/**
 * Serves JSON-RPC over WebSocket at `/ws/api/v2` on an HTTP server: one message per frame, many
 * requests in flight, answers sent as they complete. A message over `maxFrameBytes` closes the
 * connection with 1009 and a reason saying the limit. A connection that is not authenticated and
 * sends nothing for `wsIdleTimeoutMs` is closed with 1008 and a reason; one sweep a second (or
 * a tenth of the timeout, if shorter) finds them, so the close comes within two sweeps after the
 * timeout.
 */
export function attachWebSocket(
  server: Server,
  dispatcher: Dispatcher,
  limits: ServerLimits,
  options: WebSocketOptions,
): WebSocketTransport {
  const { now } = options;
  const path = options.path ?? "/ws/api/v2";
  const isRefused = options.isRefused ?? (() => false);
  let idleClosed = 0;
  const sessions = new Set<WsSession>();
  const held = new PendingCounter();
  let accepting = true;
  let unanswered = 0;
  const reason1009 = `message larger than the limit of ${limits.maxFrameBytes} bytes`;
  class RpcWebSocket extends WebSocket {
    // ws closes an oversized message's connection with 1009 and no reason; say which limit.
    override close(code?: number, data?: string | Buffer): void {
      super.close(code, code === 1009 && data === undefined ? reason1009 : data);
    }
  }
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
    WebSocket: RpcWebSocket,
  });

  function onConnection(ws: WebSocket, req: IncomingMessage): void {
    const session = new WsSession(
      ws,
      req.socket,
      dispatcher,
      {
        maxInFlight: limits.maxInFlightPerConnection,
        highWaterMark: limits.wsHighWaterMarkBytes,
        maxRequestsPerSecond: limits.maxRequestsPerSecond,
        notificationLingerMs: limits.notificationLingerMs,
        notificationMaxHeldBytes: limits.notificationMaxHeldBytes,
        maxBacklogBytes: limits.wsMaxBacklogBytes,
      },
      held,
      now(),
    );
    sessions.add(session);
    options.channels?.opened(session);
    ws.on("message", (data: Buffer) => session.receive(data.toString()));
    ws.on("error", () => {});
    ws.on("close", () => {
      sessions.delete(session);
      session.closed();
      const hub = options.channels;
      if (hub !== undefined) {
        const context = new CallContext(session, session.lastPrincipal, now() * 1000, hub);
        try {
          hub.closed(session, context);
        } catch (error) {
          console.error(error);
        }
      }
      if (!accepting) unanswered += session.unanswered;
    });
  }

  server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if ((q < 0 ? url : url.slice(0, q)) !== path) return rejectUpgrade(socket, "404 Not Found");
    if (isRefused(socket)) return;
    if (!accepting) return rejectUpgrade(socket, "503 Service Unavailable");
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
  });

  const idleMs = limits.wsIdleTimeoutMs;
  const idleReason = `idle: no message for ${idleMs} ms on a connection that is not authenticated`;
  function sweepIdle(): void {
    const at = now();
    for (const session of sessions) {
      if (session.received !== session.idleSeen) {
        session.idleSeen = session.received;
        session.idleSince = at;
      } else if (
        !session.failed &&
        at - session.idleSince >= idleMs &&
        !session.authenticatedAt(at)
      ) {
        idleClosed++;
        session.fail(idleReason);
      }
    }
  }
  const sweep = Number.isFinite(idleMs)
    ? setInterval(sweepIdle, Math.max(1, Math.min(1000, Math.floor(idleMs / 10))))
    : undefined;
  sweep?.unref?.();
  server.once("close", () => clearInterval(sweep));

  return {
    sessions,
    get idleClosed() {
      return idleClosed;
    },
    held,
    get unanswered() {
      return unanswered;
    },
    stopAccepting() {
      accepting = false;
      for (const session of sessions) session.stopReading();
    },
    async closeAll(timeoutMs) {
      const closing = [...sessions].map((s) => s.close(1001, "server shutting down", timeoutMs));
      await Promise.all(closing);
    },
  };
}
