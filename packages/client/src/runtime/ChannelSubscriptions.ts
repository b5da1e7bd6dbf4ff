import { ChannelNotSubscribedError } from "./ChannelNotSubscribedError.js";
import { ChannelSubscription, type SubscriptionOwner } from "./ChannelSubscription.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import type { ConnectionEvent } from "./ConnectionEvent.js";
import type { HandshakeSend } from "./HandshakeSend.js";
import { isPrivateChannel } from "./isPrivateChannel.js";
import type { SubscribeOptions } from "./SubscribeOptions.js";
import { TransportError } from "./TransportError.js";

/** What the subscriptions need from their WebSocket transport. */
export interface SubscriptionHost {
  /** `open`: the server holds the subscriptions confirmed on this connection. */
  readonly state: "idle" | "connecting" | "open" | "backoff" | "closed";
  /** A call on the current connection (queued while it is being set up). */
  call(method: string, params: object): Promise<unknown>;
  /** Opens a connection; its handshake calls `restore`. */
  connect(): void;
  /** Told what went wrong where nobody awaits it (an unsubscribe after `break`). */
  report?(event: ConnectionEvent): void;
}

interface Channel {
  readonly name: string;
  readonly private: boolean;
  readonly iterators: Set<ChannelSubscription<any>>;
  /** `idle`: to subscribe on the next connection; `sending`: asked on this one; `active`: confirmed on it. */
  state: "idle" | "sending" | "active";
  /** Counts the subscribe calls, so an answer from a replaced connection is ignored. */
  attempt: number;
  readyWaiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * The channels one WebSocket transport is subscribed to: one server subscription per channel
 * however many iterators read it, renewed on every new connection (from the handshake, before
 * the calls queued during the reconnect go out), unsubscribed when its last iterator leaves.
 */
export class ChannelSubscriptions implements SubscriptionOwner {
  readonly #host: SubscriptionHost;
  readonly #channels = new Map<string, Channel>();

  constructor(host: SubscriptionHost) {
    this.#host = host;
  }

  /** Channels with at least one iterator. */
  get size(): number {
    return this.#channels.size;
  }

  subscribe<D>(name: string, options: SubscribeOptions = {}): ChannelSubscription<D> {
    if (this.#host.state === "closed") {
      throw new ConnectionClosedError("The transport is closed.", { method: "subscribe" });
    }
    const iterator = new ChannelSubscription<D>(name, this, options);
    let channel = this.#channels.get(name);
    if (channel) {
      channel.iterators.add(iterator);
      return iterator;
    }
    channel = {
      name,
      private: options.private ?? isPrivateChannel(undefined, name),
      iterators: new Set([iterator]),
      state: "idle",
      attempt: 0,
      readyWaiters: [],
    };
    this.#channels.set(name, channel);
    const state = this.#host.state;
    if (state === "open") this.#send(channel, (method, params) => this.#host.call(method, params));
    else if (state === "idle") this.#host.connect();
    // connecting or backoff: the next handshake's `restore` subscribes it
    return iterator;
  }

  /** A `subscription` notification's params: fans the data out to the channel's iterators. */
  receive(params: unknown): void {
    if (typeof params !== "object" || params === null) return;
    const { channel: name, data } = params as { channel?: unknown; data?: unknown };
    if (typeof name !== "string") return;
    const channel = this.#channels.get(name);
    if (!channel) return;
    for (const iterator of channel.iterators) iterator.push(data);
  }

  /**
   * Subscribes every channel not subscribed on this connection, on `send` (the handshake's):
   * a channel the server refuses fails its iterators; a transport failure is thrown, which fails
   * the connection (and a later one tries again).
   */
  async restore(send: HandshakeSend): Promise<void> {
    const call = async (method: string, params: object) => (await send(method, params)).result;
    for (;;) {
      const idle = [...this.#channels.values()].filter((c) => c.state === "idle");
      if (idle.length === 0) return;
      await Promise.all(idle.map((channel) => this.#send(channel, call, true)));
    }
  }

  /** Subscribes what `restore` could not see (a channel added as the handshake ended). */
  flush(): void {
    for (const channel of this.#channels.values()) {
      if (channel.state === "idle") {
        this.#send(channel, (method, params) => this.#host.call(method, params));
      }
    }
  }

  /** The connection dropped and another will be opened: every channel is to be renewed. */
  lost(): void {
    for (const channel of this.#channels.values()) {
      channel.state = "idle";
      channel.attempt += 1;
    }
  }

  /** No connection will come (reconnect off or given up, refused handshake): every iterator rejects with `error`. */
  fail(error: unknown): void {
    const channels = [...this.#channels.values()];
    this.#channels.clear();
    for (const channel of channels) this.#refuse(channel, error);
  }

  /** The transport was closed by its user: every iterator ends after what it buffered. */
  end(): void {
    const channels = [...this.#channels.values()];
    this.#channels.clear();
    for (const channel of channels) {
      for (const iterator of channel.iterators) iterator.finish();
      for (const waiter of channel.readyWaiters) {
        waiter.reject(new ConnectionClosedError("The transport was closed by the client."));
      }
    }
  }

  /** Ends every iterator and unsubscribes every channel (`public/unsubscribe_all` when the server holds any). */
  async unsubscribeAll(): Promise<void> {
    const held = [...this.#channels.values()].some((c) => c.state !== "idle");
    this.end();
    if (held || this.#host.state === "open") {
      await this.#host.call("public/unsubscribe_all", {}).catch(ignoreLostConnection);
    }
  }

  /**
   * An iterator leaves; the channel's last one unsubscribes. Never rejects: leaving a loop must
   * not throw, so a failed unsubscribe (a timeout, a refusal) goes to `report` instead, and the
   * channel is forgotten either way (what still comes for it is dropped).
   */
  async detach(iterator: ChannelSubscription<any>): Promise<void> {
    const channel = this.#channels.get(iterator.channel);
    if (!channel?.iterators.delete(iterator) || channel.iterators.size > 0) return;
    this.#channels.delete(channel.name);
    for (const waiter of channel.readyWaiters) waiter.resolve();
    if (channel.state === "idle") return;
    const method = channel.private ? "private/unsubscribe" : "public/unsubscribe";
    try {
      await this.#host.call(method, { channels: [channel.name] });
    } catch (error) {
      // the server forgets a connection's subscriptions with the connection
      if (!(error instanceof ConnectionClosedError))
        this.#host.report?.({ type: "unsubscribe-failed", channel: channel.name, error });
    }
  }

  ready(iterator: ChannelSubscription<any>): Promise<void> {
    const channel = this.#channels.get(iterator.channel);
    if (!channel?.iterators.has(iterator) || channel.state === "active") return Promise.resolve();
    return new Promise((resolve, reject) => channel.readyWaiters.push({ resolve, reject }));
  }

  async #send(
    channel: Channel,
    call: (method: string, params: object) => Promise<unknown>,
    rethrowTransport = false,
  ): Promise<void> {
    channel.state = "sending";
    const attempt = ++channel.attempt;
    const method = channel.private ? "private/subscribe" : "public/subscribe";
    let result: unknown;
    try {
      result = await call(method, { channels: [channel.name] });
    } catch (error) {
      if (channel.attempt !== attempt || this.#channels.get(channel.name) !== channel) return;
      if (error instanceof ConnectionClosedError) {
        // the connection went: `lost` marked the channel for the next one, or `fail` ends it
        channel.state = "idle";
        if (rethrowTransport) throw error;
        return;
      }
      if (rethrowTransport && error instanceof TransportError) {
        channel.state = "idle";
        throw error;
      }
      this.#channels.delete(channel.name);
      this.#refuse(channel, error);
      return;
    }
    if (channel.attempt !== attempt || this.#channels.get(channel.name) !== channel) return;
    if (!Array.isArray(result) || !result.includes(channel.name)) {
      this.#channels.delete(channel.name);
      this.#refuse(channel, new ChannelNotSubscribedError(channel.name, method, result));
      return;
    }
    channel.state = "active";
    const waiters = channel.readyWaiters;
    channel.readyWaiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  #refuse(channel: Channel, error: unknown): void {
    for (const iterator of channel.iterators) iterator.finish(error);
    for (const waiter of channel.readyWaiters) waiter.reject(error);
    channel.readyWaiters = [];
  }
}

function ignoreLostConnection(error: unknown): void {
  // the server forgets a connection's subscriptions with the connection
  if (!(error instanceof ConnectionClosedError)) throw error;
}
