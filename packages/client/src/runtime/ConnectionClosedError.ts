import { TransportError } from "./TransportError.js";

/**
 * The WebSocket closed (or could not open) while the call was waiting for it or for its
 * response. The request may or may not have reached the server: it is never resent.
 */
export class ConnectionClosedError extends TransportError {
  override name = "ConnectionClosedError";
  /** The WebSocket close code, when the socket reported one. */
  readonly closeCode: number | undefined;
  readonly closeReason: string | undefined;

  constructor(
    shortMessage: string,
    options: { method?: string; closeCode?: number; closeReason?: string; cause?: unknown } = {},
  ) {
    const meta: string[] = [];
    if (options.closeCode !== undefined) {
      meta.push(
        `Close: ${options.closeCode}${options.closeReason ? ` ${options.closeReason}` : ""}`,
      );
    }
    super(shortMessage, { method: options.method, cause: options.cause, metaMessages: meta });
    this.closeCode = options.closeCode;
    this.closeReason = options.closeReason;
  }
}
