import type { ReconnectOptions } from "./backoffDelay.js";
import { basicAuthorization } from "./basicAuthorization.js";
import type { ChannelAuthTable } from "./ChannelAuthTable.js";
import type { AnyChannelTable, ChannelTypes, SubscribeByName } from "./ChannelByName.js";
import type { ConnectionEvent } from "./ConnectionEvent.js";
import type { CryptoProvider } from "./CryptoProvider.js";
import { createHttpTransport, type HttpRequestInfo } from "./createHttpTransport.js";
import { createWsTransport } from "./createWsTransport.js";
import { hmacAuthorization } from "./hmacAuthorization.js";
import { isPrivateChannel } from "./isPrivateChannel.js";
import { isPrivateMethod } from "./isPrivateMethod.js";
import type { MethodAuthTable } from "./MethodAuthTable.js";
import type {
  AnyMethodTable,
  MethodTypes,
  RequestByName,
  RequestWithResponseByName,
} from "./RequestByName.js";
import type { ResultValidator } from "./ResultValidator.js";
import { RpcError } from "./RpcError.js";
import type { RpcResponse } from "./RpcResponse.js";
import { resolveEndpoints } from "./resolveEndpoints.js";
import type { SubscribeOptions } from "./SubscribeOptions.js";
import { subscribeNeedsWebSocket } from "./subscribeNeedsWebSocket.js";
import { type AuthSession, type Credentials, TokenManager } from "./TokenManager.js";
import type { CallOptions, RpcTransport, Transport } from "./Transport.js";
import type { ErrorClasses } from "./toRpcError.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";
import type { WsTransport } from "./WsTransport.js";

/** Credentials plus how HTTP requests carry them. */
export interface AuthOptions extends Credentials {
  /**
   * HTTP only: `bearer` (default: `public/auth` once, then `Authorization: Bearer`),
   * `basic` (`Basic base64(id:secret)` on every private call) or `hmac`
   * (`deri-hmac-sha256`, a fresh nonce and signature per request).
   */
  http?: "bearer" | "basic" | "hmac";
  /** Refresh this many ms before the token expires (default: 20 % of its lifetime, at most 60 s). */
  refreshMarginMs?: number;
}

export interface ClientOptions {
  /** HTTP endpoint (`http://host/api/v2`) or origin; also gives the WebSocket URL when `wsUrl` is absent. */
  url?: string;
  /** WebSocket URL (`ws://host/ws/api/v2`) or origin. */
  wsUrl?: string;
  /** Default `ws` when `wsUrl` is given, else `http`. */
  transport?: "http" | "ws";
  /** HTTP: `POST` a JSON-RPC body (default) or `GET /api/v2/{method}?query`. */
  httpMethod?: "POST" | "GET";
  auth?: AuthOptions;
  /** Default per-call timeout, ms (default 30 000; `0`: none). */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  reconnect?: ReconnectOptions | false;
  /** Check every result against the spec's schema (`true`: loads `@unwind/spec`, Node only), or your own check. */
  validateResults?: boolean | ResultValidator;
  /** Called with every successful response and its timing. */
  onResponse?: (response: RpcResponse, method: string) => void;
  onNotification?: (message: { method: string; params?: unknown }) => void;
  onConnectionEvent?: (event: ConnectionEvent) => void;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  WebSocket?: WebSocketConstructor;
  /** Error classes by code (default: the generated ones). */
  errorClasses?: ErrorClasses;
  /** Which channels `subscribe` sends with `private/subscribe` (default: the generated channel table). */
  channels?: ChannelAuthTable;
}

/** What differs between the Node and the browser entry. */
export interface ClientEnvironment {
  crypto: CryptoProvider;
  WebSocket: (() => WebSocketConstructor | undefined) | undefined;
  loadSpecValidator: (() => Promise<ResultValidator>) | undefined;
  errorClasses: ErrorClasses;
  /** The generated method table: its `auth` says which calls carry credentials. */
  methods: MethodAuthTable;
  /** The generated channel table: its `private` flags say which channels need `private/subscribe`. */
  channels?: ChannelAuthTable;
}

/**
 * The client without the generated methods: calls by name, subscriptions, auth, lifecycle. `T`
 * is the generated `MethodTable`, which types `request` by method name; `C` the generated
 * `ChannelTable`, which types `subscribe` by channel name.
 */
export interface BaseClient<
  T extends { [K in keyof T]: MethodTypes } = AnyMethodTable,
  C extends { [K in keyof C]: ChannelTypes } = AnyChannelTable,
> {
  /** The transport below auth and validation. */
  readonly transport: RpcTransport;
  /** Calls a method of the table by name and resolves with its `result`. */
  readonly request: RequestByName<T>;
  /** Like `request`, resolving with the result and its envelope (`usIn`, `usOut`, `usDiff`, `testnet`, `rttMs`). */
  readonly requestWithResponse: RequestWithResponseByName<T>;
  /**
   * Subscribes to a channel (WebSocket only) and iterates over its notifications' data:
   * `for await (const change of client.subscribe("user.changes.BTC-PERPETUAL.raw")) ...`.
   * Iterators of one channel share one server subscription; `break` leaves it (the last one
   * unsubscribes); after a reconnect every channel is subscribed again before the queued calls go
   * out; a refused subscribe rejects `next()` with the server's `RpcError`. Over HTTP it throws.
   */
  readonly subscribe: SubscribeByName<C>;
  /** Ends every subscription's iterator and unsubscribes from every channel. */
  unsubscribeAll(): Promise<void>;
  /** Runs `public/auth` now (on the WebSocket: connects, which authenticates the connection). */
  authenticate(): Promise<AuthSession>;
  /** The tokens of the last `public/auth`, if any. */
  readonly session: AuthSession | undefined;
  /** Fails calls still waiting and closes the socket. */
  close(): Promise<void>;
}

/** The base client plus the two transports the generated methods are bound to. */
export interface BaseClientParts {
  base: BaseClient;
  resultTransport: Transport;
  responseTransport: Transport;
}

/** Builds transports, auth and the call pipeline from `ClientOptions`. */
export function createBaseClient(env: ClientEnvironment, options: ClientOptions): BaseClientParts {
  const endpoints = resolveEndpoints(options.url, options.wsUrl);
  const kind = options.transport ?? (options.wsUrl !== undefined ? "ws" : "http");
  const errorClasses = options.errorClasses ?? env.errorClasses;
  const auth = options.auth;
  const tokens = auth
    ? new TokenManager(auth, env.crypto, { refreshMarginMs: auth.refreshMarginMs })
    : undefined;
  const httpAuth = auth?.http ?? "bearer";
  const isPrivate = (method: string) => isPrivateMethod(env.methods, method);
  const channels = options.channels ?? env.channels;

  let transport: RpcTransport | WsTransport;
  if (kind === "ws") {
    const WebSocket = options.WebSocket ?? env.WebSocket?.();
    if (!WebSocket)
      throw new TypeError('transport: "ws" needs a WebSocket class; none is available here.');
    if (!endpoints.ws) throw new TypeError('transport: "ws" needs wsUrl or url.');
    transport = createWsTransport({
      url: endpoints.ws,
      WebSocket,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      reconnect: options.reconnect,
      errorClasses,
      onNotification: options.onNotification,
      onConnectionEvent: options.onConnectionEvent,
      onConnect: tokens
        ? async (send) => {
            await tokens.login(async (method, params) => (await send(method, params)).result);
          }
        : undefined,
    });
  } else {
    if (!endpoints.http) throw new TypeError('transport: "http" needs url.');
    const authorize =
      tokens && auth
        ? httpAuthorizer(httpAuth, auth, tokens, env.crypto, isPrivate, () => transport)
        : undefined;
    transport = createHttpTransport({
      url: endpoints.http,
      httpMethod: options.httpMethod,
      fetch: options.fetch,
      headers: options.headers,
      timeoutMs: options.timeoutMs,
      errorClasses,
      authorize,
    });
  }

  let validator: Promise<ResultValidator> | undefined;
  const validate = options.validateResults;
  if (validate === true && !env.loadSpecValidator) {
    throw new TypeError(
      "validateResults: true needs @unwind/spec, which only loads on Node; pass a function.",
    );
  }
  const getValidator = (): Promise<ResultValidator> | undefined => {
    if (!validate) return undefined;
    validator ??=
      typeof validate === "function" ? Promise.resolve(validate) : env.loadSpecValidator!();
    return validator;
  };
  const onResponse = options.onResponse;
  const transportCall = (method: string, params: object) => transport.request(method, params);
  const retriesOnUnauthorized = kind === "http" && tokens !== undefined && httpAuth === "bearer";

  async function slow(
    method: string,
    params: object,
    call: CallOptions,
    full: boolean,
  ): Promise<unknown> {
    if (kind === "ws" && tokens?.session && tokens.needsToken() && isPrivate(method)) {
      await tokens.accessToken(transportCall);
    }
    const hooked: CallOptions = onResponse
      ? {
          ...call,
          onResponse: (response) => {
            call.onResponse?.(response);
            onResponse(response, method);
          },
        }
      : call;
    const usedToken =
      retriesOnUnauthorized && isPrivate(method) && !tokens!.needsToken()
        ? tokens!.session?.accessToken
        : undefined;
    let response: RpcResponse;
    try {
      response = await transport.send(method, params, hooked);
    } catch (error) {
      if (usedToken === undefined || !(error instanceof RpcError) || error.code !== 13009)
        throw error;
      // The server forgot the token (restart, revocation): one fresh grant, then the call once more.
      tokens!.invalidate(usedToken);
      response = await transport.send(method, params, hooked);
    }
    const check = getValidator();
    if (check) (await check)(method, response.result);
    return full ? response : response.result;
  }

  const fast = !onResponse && !validate && !tokens;
  function call(
    method: string,
    params: object | undefined,
    callOptions: CallOptions | undefined,
    full: boolean,
  ): Promise<any> {
    const p = params ?? {};
    const c = callOptions ?? {};
    if (fast) return full ? transport.send(method, p, c) : transport.request(method, p, c);
    if (kind === "ws" && !onResponse && !validate && !(tokens?.session && tokens.needsToken())) {
      return full ? transport.send(method, p, c) : transport.request(method, p, c);
    }
    return slow(method, p, c, full);
  }

  const base: BaseClient = {
    transport,
    request: (method: string, params?: object, callOptions?: CallOptions) =>
      call(method, params, callOptions, false),
    requestWithResponse: (method: string, params?: object, callOptions?: CallOptions) =>
      call(method, params, callOptions, true),
    async authenticate() {
      if (!tokens) throw new TypeError("authenticate() needs the auth option.");
      if (kind === "ws") {
        const ws = transport as WsTransport;
        if (ws.state === "open") return tokens.login(transportCall);
        await ws.connect();
        return tokens.session!;
      }
      return tokens.login(transportCall);
    },
    subscribe: ((channel: string, subscribeOptions?: SubscribeOptions) => {
      if (transport.kind !== "ws") throw subscribeNeedsWebSocket(channel);
      return (transport as WsTransport).subscribe(channel, {
        ...subscribeOptions,
        private: subscribeOptions?.private ?? isPrivateChannel(channels, channel),
      });
    }) as SubscribeByName<AnyChannelTable>,
    async unsubscribeAll() {
      if (transport.kind === "ws") await (transport as WsTransport).unsubscribeAll();
    },
    get session() {
      return tokens?.session;
    },
    close: () => transport.close(),
  };
  return {
    base,
    resultTransport: {
      request: (method, params, callOptions) => call(method, params, callOptions, false),
      notify: (method, params, callOptions) => transport.notify(method, params, callOptions),
    },
    responseTransport: {
      request: (method, params, callOptions) => call(method, params, callOptions, true),
      notify: (method, params, callOptions) => transport.notify(method, params, callOptions),
    },
  };
}

function httpAuthorizer(
  mode: "bearer" | "basic" | "hmac",
  auth: AuthOptions,
  tokens: TokenManager,
  crypto: CryptoProvider,
  isPrivate: (method: string) => boolean,
  transport: () => RpcTransport,
): (request: HttpRequestInfo) => Promise<string | undefined> | string | undefined {
  if (mode === "basic") {
    const header = basicAuthorization(auth.clientId, auth.clientSecret);
    return (request) => (isPrivate(request.rpcMethod) ? header : undefined);
  }
  if (mode === "hmac") {
    return (request) =>
      isPrivate(request.rpcMethod)
        ? hmacAuthorization(
            {
              clientId: auth.clientId,
              clientSecret: auth.clientSecret,
              httpMethod: request.httpMethod,
              pathAndQuery: request.pathAndQuery,
              body: request.body,
            },
            crypto,
          )
        : undefined;
  }
  const authCall = (method: string, params: object) => transport().request(method, params);
  return async (request) =>
    isPrivate(request.rpcMethod) ? `Bearer ${await tokens.accessToken(authCall)}` : undefined;
}
