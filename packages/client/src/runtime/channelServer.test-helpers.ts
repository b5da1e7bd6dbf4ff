import type { WebSocket } from "ws";
import { WireError, type WireRequest, type WireServer } from "./wireServer.test-helpers.js";

/** The subscription side of a wire server, as the contract of issue 14 describes the wire. */
export interface ChannelWire {
  /** Channels each connection is subscribed to. */
  readonly subscriptions: Map<WebSocket, Set<string>>;
  /** Channels the server refuses with -32602 (e.g. an instrument it does not list). */
  readonly refused: Set<string>;
  /** When set, subscribe answers this list instead of the channels it subscribed. */
  answer: string[] | undefined;
  /** Sends `{channel, data}` to every connection subscribed to `channel`; returns how many. */
  publish(channel: string, data: unknown): number;
  /** Sends a `heartbeat` notification of `type` on every connection. */
  heartbeat(type: "heartbeat" | "test_request"): void;
}

const PATTERN = /^(user\.orders|user\.trades|user\.changes|book|trades)\.[A-Za-z0-9_-]+\.raw$/;

/**
 * Adds `public/subscribe`, `private/subscribe`, their unsubscribes and `public/unsubscribe_all`
 * to a wire server (its WebSocket side), and a `publish` that sends `subscription` notifications.
 * `authenticated` says whether a connection may use `private/subscribe`.
 */
export function addChannels(
  server: WireServer,
  authenticated: (socket: WebSocket) => boolean = () => true,
): ChannelWire {
  const subscriptions = new Map<WebSocket, Set<string>>();
  const held = (socket: WebSocket) => {
    let set = subscriptions.get(socket);
    if (!set) {
      set = new Set();
      subscriptions.set(socket, set);
      socket.on("close", () => subscriptions.delete(socket));
    }
    return set;
  };
  const invalid = (reason: string) =>
    new WireError(-32602, "Invalid params", { param: "channels", reason });
  const channelsOf = (request: WireRequest): string[] => {
    if (request.transport !== "ws") {
      throw new WireError(10030, "must_be_websocket_request");
    }
    const channels = request.params?.channels;
    if (!Array.isArray(channels) || channels.length === 0) throw invalid("expected channels");
    return channels as string[];
  };
  const subscribe = (isPrivate: boolean) => (request: WireRequest) => {
    const channels = channelsOf(request);
    if (isPrivate && !authenticated(request.socket!)) throw new WireError(13009, "unauthorized");
    for (const channel of channels) {
      if (!PATTERN.test(channel) || wire.refused.has(channel)) {
        throw invalid(`unknown channel '${channel}'`);
      }
      if (!isPrivate && channel.startsWith("user.")) {
        throw invalid("user.* channels need private/subscribe on an authenticated connection");
      }
    }
    const set = held(request.socket!);
    for (const channel of channels) set.add(channel);
    return wire.answer ?? channels;
  };
  const unsubscribe = (request: WireRequest) => {
    const set = held(request.socket!);
    return channelsOf(request).filter((channel) => set.delete(channel));
  };
  Object.assign(server.handlers, {
    "public/subscribe": subscribe(false),
    "private/subscribe": subscribe(true),
    "public/unsubscribe": unsubscribe,
    "private/unsubscribe": unsubscribe,
    "public/unsubscribe_all": (request: WireRequest) => {
      held(request.socket!).clear();
      return "ok";
    },
  });
  const send = (socket: WebSocket, method: string, params: unknown) =>
    socket.send(JSON.stringify({ jsonrpc: "2.0", method, params }));
  const wire: ChannelWire = {
    subscriptions,
    refused: new Set(),
    answer: undefined,
    publish(channel, data) {
      let count = 0;
      for (const [socket, set] of subscriptions) {
        if (set.has(channel) && socket.readyState === 1) {
          send(socket, "subscription", { channel, data });
          count++;
        }
      }
      return count;
    },
    heartbeat(type) {
      for (const socket of server.sockets) send(socket, "heartbeat", { type });
    },
  };
  return wire;
}
