/** A change of the WebSocket connection, for logs and tests. */
export type ConnectionEvent =
  | { type: "open"; url: string }
  | { type: "close"; code: number; reason: string }
  | { type: "reconnect"; attempt: number; delayMs: number }
  | { type: "give-up"; attempts: number };
