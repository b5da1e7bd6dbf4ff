/** A change of the WebSocket connection, for logs and tests. */
export type ConnectionEvent =
  | { type: "open"; url: string }
  | { type: "close"; code: number; reason: string }
  | { type: "reconnect"; attempt: number; delayMs: number }
  | { type: "give-up"; attempts: number }
  /**
   * The unsubscribe sent when a channel's last iterator left (`break`) failed (a timeout, a
   * refusal): leaving the loop did not throw, and the client no longer reads the channel.
   */
  | { type: "unsubscribe-failed"; channel: string; error: unknown };
