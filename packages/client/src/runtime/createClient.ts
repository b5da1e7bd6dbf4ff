import { platform } from "#platform";
import type { ReconnectOptions } from "./backoffDelay.js";
import type { WithResponse } from "./bindMethods.js";
import type { ChannelAuthTable } from "./ChannelAuthTable.js";
import type { AnyChannelTable, ChannelTypes, SubscribeByName } from "./ChannelByName.js";
import type { ClientAuth } from "./ClientAuth.js";
import type { ConnectionEvent } from "./ConnectionEvent.js";
import { createHttpTransport } from "./createHttpTransport.js";
import { createWsTransport } from "./createWsTransport.js";
import { isPrivateChannel } from "./isPrivateChannel.js";
import type { SubscribeOptions } from "./SubscribeOptions.js";
import { subscribeNeedsWebSocket } from "./subscribeNeedsWebSocket.js";
import type { CallOptions, RpcTransport, Transport } from "./Transport.js";
import type { ErrorClasses } from "./toRpcError.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";
import type { WsTransport } from "./WsTransport.js";

/** What the generic `createClient` needs: a generated method table and where the server is. */
export interface RpcClientOptions<M> {
  /** The generated `createMethods`: binds every method of a document to a transport. */
  methods: (transport: Transport) => M;
  /** The generated `errorClasses`: a wire error of a declared code rejects with its class. */
  errorClasses?: ErrorClasses;
  /** The HTTP JSON-RPC endpoint, used as given (`http://127.0.0.1:8545`). */
  url?: string;
  /** The WebSocket endpoint, used as given (`ws://127.0.0.1:8545`). */
  wsUrl?: string;
  /** Default `ws` when only `wsUrl` is given, else `http`. */
  transport?: "http" | "ws";
  /** Optional hooks: an `Authorization` header per HTTP request, a login per WebSocket connection. */
  auth?: ClientAuth;
  headers?: Record<string, string>;
  /** Default per-call timeout, ms (default 30 000; `0`: none). */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  reconnect?: ReconnectOptions | false;
  onNotification?: (message: { method: string; params?: unknown }) => void;
  onConnectionEvent?: (event: ConnectionEvent) => void;
  fetch?: typeof fetch;
  /** Default: the `ws` package on Node, the global `WebSocket` elsewhere. */
  WebSocket?: WebSocketConstructor;
  /** The generated `channelTable`: which channels `subscribe` sends with `private/subscribe`. */
  channels?: ChannelAuthTable;
}

/**
 * A client of any generated method table: its methods, raw calls by name, subscriptions typed by
 * the generated `ChannelTable` `C`, and `close()`.
 */
export type RpcClient<M, C extends { [K in keyof C]: ChannelTypes } = AnyChannelTable> = M & {
  /** The same methods, resolving with the whole response (`result`, envelope, `rttMs`). */
  readonly withResponse: WithResponse<M>;
  /** The transport below the methods. */
  readonly transport: RpcTransport;
  /** Calls any method by name and resolves with its `result`. */
  request<Result = unknown>(
    method: string,
    params?: object,
    options?: CallOptions,
  ): Promise<Result>;
  /** Sends any method as a notification (no answer awaited). */
  notify(method: string, params?: object, options?: CallOptions): Promise<void>;
  /** Iterates over a channel's notifications (WebSocket only; throws over HTTP); `break` unsubscribes. */
  readonly subscribe: SubscribeByName<C>;
  /** Ends every subscription's iterator and unsubscribes from every channel. */
  unsubscribeAll(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Creates a client for any OpenRPC document from its generated method table, over HTTP or
 * WebSocket, with optional auth hooks. The URLs are used as given: any server path works.
 *
 * @example
 * import { createClient } from "@unwind/client/runtime";
 * import { createMethods, errorClasses } from "./generated/index.js";
 * const client = createClient({ methods: createMethods, errorClasses, url: "http://127.0.0.1:8545" });
 * const chainId = await client.ethChainId();
 */
export function createClient<
  M extends object,
  C extends { [K in keyof C]: ChannelTypes } = AnyChannelTable,
>(options: RpcClientOptions<M>): RpcClient<M, C> {
  const kind = options.transport ?? (options.wsUrl !== undefined && !options.url ? "ws" : "http");
  const errorClasses = options.errorClasses ?? {};
  const auth = options.auth;
  let transport: RpcTransport;
  if (kind === "ws") {
    const url = options.wsUrl ?? options.url?.replace(/^http/, "ws");
    if (url === undefined) throw new TypeError('transport: "ws" needs wsUrl (or url).');
    transport = createWsTransport({
      url,
      WebSocket: webSocketClass(options.WebSocket),
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      reconnect: options.reconnect,
      errorClasses,
      onNotification: options.onNotification,
      onConnectionEvent: options.onConnectionEvent,
      onConnect: auth?.onConnect ? (send) => auth.onConnect!(send) : undefined,
    });
  } else {
    if (options.url === undefined) throw new TypeError('transport: "http" needs url.');
    const call = (method: string, params: object) => transport.request(method, params);
    transport = createHttpTransport({
      url: options.url,
      fetch: options.fetch,
      headers: options.headers,
      timeoutMs: options.timeoutMs,
      errorClasses,
      authorize: auth?.authorize ? (request) => auth.authorize!(request, call) : undefined,
    });
  }
  const results: Transport = {
    request: (method, params, call) => transport.request(method, params, call),
    notify: (method, params, call) => transport.notify(method, params, call),
  };
  const responses: Transport = {
    request: (method, params, call) => transport.send(method, params, call),
    notify: results.notify!,
  };
  const client = options.methods(results) as RpcClient<M, C>;
  // A method of the document with one of these names keeps it; the helper is then not bound.
  const helpers: PropertyDescriptorMap = {
    withResponse: { value: options.methods(responses), enumerable: true },
    transport: { value: transport },
    request: {
      value: (method: string, params?: object, call?: CallOptions) =>
        transport.request(method, params ?? {}, call),
    },
    notify: {
      value: (method: string, params?: object, call?: CallOptions) =>
        transport.notify(method, params ?? {}, call),
    },
    subscribe: {
      value: (channel: string, subscribeOptions?: SubscribeOptions) => {
        if (transport.kind !== "ws") throw subscribeNeedsWebSocket(channel);
        return (transport as WsTransport).subscribe(channel, {
          ...subscribeOptions,
          private: subscribeOptions?.private ?? isPrivateChannel(options.channels, channel),
        });
      },
    },
    unsubscribeAll: {
      value: async () => {
        if (transport.kind === "ws") await (transport as WsTransport).unsubscribeAll();
      },
    },
    close: { value: () => transport.close() },
  };
  for (const name of Object.keys(helpers)) if (name in client) delete helpers[name];
  Object.defineProperties(client, helpers);
  return client;
}

function webSocketClass(given: WebSocketConstructor | undefined): WebSocketConstructor {
  const found = given ?? platform.WebSocket;
  if (!found)
    throw new TypeError('transport: "ws" needs a WebSocket class; pass the WebSocket option.');
  return found;
}
