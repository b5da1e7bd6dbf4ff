import type { ChannelConnection } from "./ChannelHub.js";
import type { Credentials } from "./Credentials.js";
import type { HeartbeatControl, Principal } from "./RequestContext.js";
import type { RpcError } from "./RpcError.js";
import type { TokenBucket } from "./TokenBucket.js";

/**
 * What the dispatcher needs from the transport a message came on: one per WebSocket connection, one
 * per HTTP request. Transports implement it; tests can use a plain object.
 */
export interface Session {
  readonly transport: "http" | "ws";
  /** The client's address (the socket's `remoteAddress`), when known. */
  readonly remoteAddress?: string | undefined;
  /** The connection's identity after `authenticateConnection` (WebSocket); HTTP: undefined. */
  principal: Principal | undefined;
  /** Credentials the transport carried (the HTTP `Authorization` header), or 13009 when malformed. */
  credentials(): Credentials | RpcError | undefined;
  /** Requests of this session whose answer is pending; the dispatcher counts them. */
  inFlight: number;
  /** Above this many pending requests, more get 10066 too_many_concurrent_requests. */
  readonly maxInFlight: number;
  readonly signal: AbortSignal;
  authenticateConnection(principal: Principal): void;
  /**
   * The request rate limit this session draws from (its WebSocket connection's, or its HTTP client
   * address's); requests beyond it get 10028 too_many_requests. Undefined: no limit.
   */
  readonly rateLimit?: TokenBucket | undefined;
  /** The connection's heartbeat (WebSocket); undefined where there is no connection (HTTP). */
  readonly heartbeat?: HeartbeatControl | undefined;
  /** The connection, for subscriptions (WebSocket); undefined over HTTP. */
  readonly connection?: ChannelConnection | undefined;
}
