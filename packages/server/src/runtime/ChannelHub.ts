import { ChannelSubscribers, membershipVersion } from "./ChannelSubscribers.js";
import { type BatchedConnection, frameBatcher } from "./FrameBatcher.js";
import { RawJson } from "./RawJson.js";
import type { RequestContext } from "./RequestContext.js";
import type { RpcError } from "./RpcError.js";

/** One WebSocket connection as the hub sees it (`WsSession` implements it). */
export interface ChannelConnection extends BatchedConnection {
  /** The connection's subscriptions: channel name -> the `private/subscribe` label, if any. */
  readonly subscriptions: Map<string, string | undefined>;
  /** Cancel on disconnect enabled for this connection (`private/enable_cancel_on_disconnect`). */
  cancelOnDisconnect: boolean;
  /**
   * The account that enabled it, whose orders its close cancels (the connection may have
   * authenticated as another account since). Undefined: the connection's account.
   */
  cancelOnDisconnectAccount?: number | string | undefined;
  /** The principal's account id; undefined until the connection authenticates. */
  readonly principal?: { readonly accountId: number | string } | undefined;
  /** Writes one text frame (nothing once the connection is closing). */
  send(text: string): void;
  /** Writes a whole WebSocket frame built already (`textFrame`): one frame, many connections. */
  sendFrame(frame: Buffer): void;
  /**
   * Runs `fn` right after the answer of the call being handled is written, before any later
   * message on the connection (the book snapshot after a subscribe answer), and returns true.
   * Called outside a call's synchronous part (a handler that ran after an asynchronous step), it
   * returns false, and `fn` runs right after the connection's next answer is written (that call's
   * own, unless another call's leaves first), or in a `setImmediate` if none is.
   */
  afterAnswer(fn: () => void): boolean;
}

/** An unmasked, final WebSocket text frame of `text` (what a server sends), built once for many sockets. */
export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81;
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, header, "utf8");
  return frame;
}

/** What `disconnected` is told about a closed connection. */
export interface DisconnectInfo {
  /** No other open connection is authenticated as the same account. */
  readonly lastOfAccount: boolean;
  /**
   * The cancel on disconnect that applies: `connection` (enabled on this connection), `account`
   * (enabled for the account and this was its last connection), or undefined (cancel nothing).
   */
  readonly cancel: "connection" | "account" | undefined;
  /**
   * With `cancel`, the account whose orders to cancel: the one that enabled it on this
   * connection (scope `connection`: not the connection's account if it authenticated as another
   * since), or the connection's (scope `account`).
   */
  readonly account?: number | string | undefined;
}

/** The app's channel rules, given to `createServer` as `channels`. */
export interface ChannelHooks {
  /** App checks of one concrete channel name (e.g. the instrument exists); an error refuses the whole subscribe call. */
  accept?(channel: string, context: RequestContext): RpcError | undefined;
  /**
   * Called right after the subscribe response was written, once per channel, before any later
   * notification reaches the connection (e.g. send a book snapshot with `sendTo`).
   */
  subscribed?(channel: string, context: RequestContext): void;
  /** A WebSocket connection closed (its subscriptions are gone already). */
  disconnected?(context: RequestContext, info: DisconnectInfo): void;
}

/** Whether the connection is authenticated as `account` (a number and its decimal text are the same account). */
function isAccount(connection: ChannelConnection, account: number | string): boolean {
  const id = connection.principal?.accountId;
  if (typeof id === typeof account) return id === account;
  return id !== undefined && String(id) === String(account);
}

const PREFIX = '{"jsonrpc":"2.0","method":"subscription","params":{"channel":';

/** `data` as JSON: a `RawJson`'s text as it is, anything else through `JSON.stringify`. */
function dataJsonOf(data: unknown): string {
  return data instanceof RawJson ? data.json : JSON.stringify(data);
}

/** The notification text of one channel's data (`data` already JSON), with a label or not. */
function notification(channelJson: string, dataJson: string, label: string | undefined): string {
  const labelPart = label === undefined ? "" : `,"label":${JSON.stringify(label)}`;
  return `${PREFIX}${channelJson},"data":${dataJson}${labelPart}}}`;
}

/**
 * Subscriptions of every WebSocket connection, by channel, and the `subscription` notifications
 * sent to them. A publish serialises its data once, whatever the number of subscribers. Created
 * by `createServer` (`server.channels`, and `context.channels` in handlers).
 */
export class ChannelHub {
  /** Per channel, its subscribers and their labels (what `connection.subscriptions` holds). */
  readonly #byChannel = new Map<string, ChannelSubscribers>();
  readonly #connections = new Set<ChannelConnection>();
  /** Accounts with cancel on disconnect enabled for scope `account`. */
  readonly #accountCancel = new Set<string>();
  readonly hooks: ChannelHooks;

  constructor(hooks: ChannelHooks = {}) {
    this.hooks = hooks;
  }

  /**
   * Sends `{channel, data}` to every connection subscribed to `channel`; with `account`, only to
   * connections authenticated as that account. The JSON text is built once per call (and not at
   * all when nobody gets it); subscribers without a label share one frame. `data` may be a
   * `RawJson` (`rawJson(text)`): JSON text written by the caller, spliced as it is.
   */
  publish(channel: string, data: unknown, account?: number | string): void {
    const subscribers = this.#byChannel.get(channel);
    if (subscribers === undefined) return;
    if (account === undefined && subscribers.labelled === 0) {
      // Everyone gets the same frame: logged once, whatever the number of subscribers.
      const text = notification(JSON.stringify(channel), dataJsonOf(data), undefined);
      frameBatcher.broadcast(subscribers, textFrame(text));
      return;
    }
    const connections = subscribers.connections();
    const labels = subscribers.labels();
    const only = account === undefined ? undefined : subscribers.ofAccount(account);
    if (account !== undefined && (only === undefined || only.length === 0)) return;
    const n = only === undefined ? connections.length : only.length;
    let channelJson: string | undefined;
    let dataJson: string | undefined;
    let plain: Buffer | undefined;
    for (let k = 0; k < n; k++) {
      const i = only === undefined ? k : only[k]!;
      const connection = connections[i]!;
      if (account !== undefined && !isAccount(connection, account)) continue;
      channelJson ??= JSON.stringify(channel);
      dataJson ??= dataJsonOf(data);
      const label = labels[i];
      if (label === undefined) {
        plain ??= textFrame(notification(channelJson, dataJson, undefined));
        connection.sendFrame(plain);
      } else connection.send(notification(channelJson, dataJson, label));
    }
  }

  /** Sends one notification to the connection of a call (the book snapshot after subscribe); nothing over HTTP. */
  sendTo(context: RequestContext, channel: string, data: unknown): void {
    const connection = context.connection;
    if (connection === undefined) return;
    const label = connection.subscriptions.get(channel);
    connection.send(notification(JSON.stringify(channel), dataJsonOf(data), label));
  }

  /**
   * Changes whenever {@link count}'s answers may have changed (a subscribe or unsubscribe on any
   * channel, a connection authenticating): a publisher may keep them until it moves.
   */
  get version(): number {
    return membershipVersion();
  }

  /**
   * Connections subscribed to the channel (a cheap "anyone listening?" check); with `account`,
   * those authenticated as that account (what `publish` with that account would reach).
   */
  count(channel: string, account?: number | string): number {
    const subscribers = this.#byChannel.get(channel);
    if (subscribers === undefined) return 0;
    if (account === undefined) return subscribers.size;
    const only = subscribers.ofAccount(account);
    if (only === undefined) return 0;
    const connections = subscribers.connections();
    let n = 0;
    for (const i of only) if (isAccount(connections[i]!, account)) n++;
    return n;
  }

  /** Subscribes a connection to a channel (with a label for a private one). */
  add(connection: ChannelConnection, channel: string, label: string | undefined): void {
    // What was published before this subscribe is not for it (nor is what comes after for an
    // unsubscribed channel, below): its frames so far are decided by its membership until now.
    frameBatcher.settle(connection);
    connection.subscriptions.set(channel, label);
    let set = this.#byChannel.get(channel);
    if (set === undefined) {
      set = new ChannelSubscribers();
      this.#byChannel.set(channel, set);
    }
    set.set(connection, label);
  }

  /** Unsubscribes a connection from a channel; true when it was subscribed. */
  remove(connection: ChannelConnection, channel: string): boolean {
    if (!connection.subscriptions.has(channel)) return false;
    frameBatcher.settle(connection);
    connection.subscriptions.delete(channel);
    const set = this.#byChannel.get(channel);
    set?.delete(connection);
    if (set?.size === 0) this.#byChannel.delete(channel);
    return true;
  }

  /** Unsubscribes a connection from everything. */
  removeAll(connection: ChannelConnection): void {
    for (const channel of [...connection.subscriptions.keys()]) this.remove(connection, channel);
  }

  /** Enables or disables cancel on disconnect for an account (scope `account`). */
  setAccountCancel(account: number | string, enabled: boolean): void {
    if (enabled) this.#accountCancel.add(String(account));
    else this.#accountCancel.delete(String(account));
  }

  /** Whether cancel on disconnect is enabled for an account (scope `account`). */
  accountCancel(account: number | string): boolean {
    return this.#accountCancel.has(String(account));
  }

  /** A WebSocket connection opened. */
  opened(connection: ChannelConnection): void {
    this.#connections.add(connection);
  }

  /**
   * A WebSocket connection closed: its subscriptions are dropped, then `disconnected` is called
   * with `lastOfAccount` and the cancel on disconnect that applies. `context.principal` is the
   * principal the connection authenticated with last (undefined: it never did).
   */
  closed(connection: ChannelConnection, context: RequestContext): void {
    this.#connections.delete(connection);
    this.removeAll(connection);
    const account = context.principal?.accountId;
    let lastOfAccount = account !== undefined;
    if (account !== undefined) {
      for (const other of this.#connections) {
        const id = other.principal?.accountId;
        if (id !== undefined && String(id) === String(account)) {
          lastOfAccount = false;
          break;
        }
      }
    }
    const cancel = connection.cancelOnDisconnect
      ? "connection"
      : lastOfAccount && account !== undefined && this.accountCancel(account)
        ? "account"
        : undefined;
    // Scope connection: the account that enabled it, whoever the connection is now.
    const whose =
      cancel === "connection"
        ? (connection.cancelOnDisconnectAccount ?? account)
        : cancel === "account"
          ? account
          : undefined;
    this.hooks.disconnected?.(context, { lastOfAccount, cancel, account: whose });
  }
}
