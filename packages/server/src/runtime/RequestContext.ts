import type { ChannelConnection, ChannelHub } from "./ChannelHub.js";

/** Who is calling: the account a credential resolved to, and the scopes it holds. */
export interface Principal {
  /** The account id (the reference server's account number, or your own). */
  readonly accountId: number | string;
  /** Granted scopes, e.g. `["trade:read_write", "account:read"]`; `x:read_write` implies `x:read`. */
  readonly scopes: readonly string[];
  /**
   * When the credential behind it expires, in milliseconds since the epoch (the server's `now`
   * clock). A WebSocket connection authenticated with an expired principal has it cleared: its next
   * private call gets 13009 `{reason: "access token expired"}`, later ones 10000 until it
   * authenticates again. Absent: it does not expire.
   */
  readonly expiresAt?: number;
  /**
   * True once the credential behind it was revoked (read on every call, so it may be a getter): a
   * WebSocket connection authenticated with it has it cleared, and its next private call gets 13009
   * `{reason: "access token revoked"}`. Absent: never revoked.
   */
  readonly revoked?: boolean;
}

/** The heartbeat of one WebSocket connection (Deribit's `public/set_heartbeat`). */
export interface HeartbeatControl {
  /** Starts, or restarts with a new interval: see `public/set_heartbeat` in the spec. */
  start(intervalMs: number): void;
  stop(): void;
  /** The client called `public/test`: a pending `test_request` is answered. */
  answered(): void;
}

/** Transport details a handler may want; never needed for routing. */
export interface RequestContext {
  /**
   * The authenticated principal: always set for a private method; for a public one, the WebSocket
   * connection's principal once it authenticated and until it expires (HTTP credentials are only
   * checked for private methods, so a public method over HTTP has none).
   */
  readonly principal?: Principal;
  /** `http` or `ws`. */
  readonly transport: "http" | "ws";
  /**
   * The client's address (the socket's remote address, e.g. `127.0.0.1` or `::1`); undefined when
   * the socket no longer knows it. For per-address limits such as login throttling.
   */
  readonly remoteAddress?: string | undefined;
  /** Microseconds since the epoch when the request arrived (the envelope's `usIn`). */
  readonly usIn: number;
  /**
   * WebSocket only: make `principal` the connection's identity for later calls (what a successful
   * `public/auth` does on a WebSocket). Over HTTP it does nothing: HTTP is authenticated per request.
   */
  authenticateConnection(principal: Principal): void;
  /** Aborted when the connection closes or the server shuts down before the handler answers. */
  readonly signal: AbortSignal;
  /** WebSocket only: the connection's heartbeat. Undefined over HTTP, which has no connection to beat on. */
  readonly heartbeat?: HeartbeatControl | undefined;
  /** The server's channels: publish notifications to subscribed WebSocket connections. */
  readonly channels?: ChannelHub | undefined;
  /** WebSocket only: the connection (its subscriptions, its cancel-on-disconnect flag). */
  readonly connection?: ChannelConnection | undefined;
}
