import type { ChannelSubscription } from "./ChannelSubscription.js";
import type { SubscribeOptions } from "./SubscribeOptions.js";
import type { RpcTransport } from "./Transport.js";

/** The states of a WebSocket transport's connection. */
export type WsTransportState = "idle" | "connecting" | "open" | "backoff" | "closed";

/** What `createWsTransport` returns: an `RpcTransport` with a connection state and channel subscriptions. */
export interface WsTransport extends RpcTransport {
  readonly kind: "ws";
  /** The connection state, for tests and health checks. */
  readonly state: WsTransportState;
  /** Opens (and authenticates, via `onConnect`) the connection now; resolves when calls can go out. */
  connect(): Promise<void>;
  /**
   * An async iterator over a channel's notifications: subscribes (`private/subscribe` when
   * `options.private`, default: the name starts with `user.`), shares one server subscription
   * among the iterators of one channel, renews it after a reconnect; `break` unsubscribes.
   */
  subscribe<D = unknown>(channel: string, options?: SubscribeOptions): ChannelSubscription<D>;
  /** Ends every subscription's iterator and sends `public/unsubscribe_all` when the server holds any. */
  unsubscribeAll(): Promise<void>;
}
