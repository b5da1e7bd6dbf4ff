/** The limits a server enforces; every one answers with a clear error instead of degrading. */
export interface ServerLimits {
  /** Largest HTTP request body: larger ones get 413 with the limit in a JSON body. */
  readonly maxBodyBytes: number;
  /** Largest WebSocket message: larger ones close the connection with 1009 and a reason. */
  readonly maxFrameBytes: number;
  /** Pending requests per WebSocket connection: the excess gets 10066 too_many_concurrent_requests. */
  readonly maxInFlightPerConnection: number;
  /**
   * When a WebSocket's unsent output (`bufferedAmount`) passes this, the server stops reading that
   * connection until its socket drains: a client that does not read stops being served instead of
   * making the server buffer without bound.
   */
  readonly wsHighWaterMarkBytes: number;
  /**
   * When a WebSocket's unsent output passes this after a write of notifications (a subscriber
   * that does not read what it subscribed to), the connection is closed with 1008 and a reason
   * saying so, then dropped a second later: its backlog stops growing there instead of in the
   * server's memory.
   */
  readonly wsMaxBacklogBytes: number;
  /**
   * Requests per second per WebSocket connection and per HTTP client address, with bursts of as
   * many; the excess gets 10028 too_many_requests. `Infinity` (the default): no limit.
   */
  readonly maxRequestsPerSecond: number;
  /** How long `close()` waits for pending requests before aborting them and closing connections. */
  readonly shutdownGraceMs: number;
  /**
   * Open connections (HTTP and WebSocket) across all clients. A connection over it is answered at
   * once with 503 and `{"error":"too_many_connections","cap":"total","limit":N}`, then closed.
   * The default, 4096, is lowered to the process's open-file limit minus 64 where that is smaller
   * (read from `/proc/self/limits`), so that the cap, not `EMFILE`, is what a flood meets.
   */
  readonly maxConnections: number;
  /**
   * Open connections from one client address: over it, 429 with `"cap":"per_address"`, then
   * closed, while other addresses are still served.
   */
  readonly maxConnectionsPerAddress: number;
  /**
   * A WebSocket connection that is not authenticated and sends nothing for this long is closed with
   * 1008 and a reason saying so. Authenticated connections are kept (use the heartbeat for them).
   */
  readonly wsIdleTimeoutMs: number;
  /** Time to receive a whole HTTP request body once the headers are in: else 408, and closed. */
  readonly httpBodyTimeoutMs: number;
  /**
   * Subscription notifications for a WebSocket connection written to less than this long ago
   * wait (at most this long, or until `notificationMaxHeldBytes` are held) to leave together in one write: under
   * load, fewer and larger writes (a write costs a system call and a wake-up of the reader,
   * whatever its size), for up to this much more latency. A connection's own answers never wait
   * (what it holds goes before them), and an idle connection's notifications leave at once.
   * 0 (the default): every connection's notifications leave at the end of each turn.
   */
  readonly notificationLingerMs: number;
  /**
   * With `notificationLingerMs`, what a connection may hold: once its held notifications reach
   * this many bytes they leave at once, whatever the linger left. Larger holds make fewer and
   * larger writes at a high rate of notifications (a 256 KiB write costs a third per byte of a
   * 24 KiB one on loopback), for more memory per connection. Default: 64 KiB.
   */
  readonly notificationMaxHeldBytes: number;
}

export const defaultLimits: ServerLimits = {
  maxBodyBytes: 1024 * 1024,
  maxFrameBytes: 1024 * 1024,
  maxInFlightPerConnection: 64,
  wsHighWaterMarkBytes: 1024 * 1024,
  wsMaxBacklogBytes: 4 * 1024 * 1024,
  maxRequestsPerSecond: Number.POSITIVE_INFINITY,
  shutdownGraceMs: 10_000,
  maxConnections: 4096,
  maxConnectionsPerAddress: 256,
  wsIdleTimeoutMs: 30_000,
  httpBodyTimeoutMs: 10_000,
  notificationLingerMs: 0,
  notificationMaxHeldBytes: 64 * 1024,
};
