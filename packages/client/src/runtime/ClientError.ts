/** What every error of this package may carry besides its short message. */
export interface ClientErrorOptions {
  /** The JSON-RPC method of the call that failed, e.g. `private/close_position`. */
  method?: string;
  /** The lower-level error this one wraps (kept as `cause`, walked by `walk()`). */
  cause?: unknown;
  /** One line of detail; defaults to the cause's message. */
  details?: string;
  /** Extra `Label: value` lines shown in `message` after the short message. */
  metaMessages?: string[];
}

/**
 * The base of every error `@unwind/client` throws: a one-line `shortMessage`, optional
 * `details`, the `method` of the call and a `cause` chain. `message` joins them for logs.
 *
 * @example
 * try { await client.closePosition({ instrument_name: "BTC-PERPETUAL", type: "limit" }) }
 * catch (e) { if (e instanceof ClientError) console.log(e.shortMessage, e.method) }
 */
export class ClientError extends Error {
  override name = "ClientError";
  /** The one-line summary, without the details and meta lines of `message`. */
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly method: string | undefined;
  readonly metaMessages: readonly string[];

  constructor(shortMessage: string, options: ClientErrorOptions = {}) {
    const details =
      options.details ??
      (options.cause instanceof Error
        ? ((options.cause as { shortMessage?: string }).shortMessage ?? options.cause.message)
        : undefined);
    const meta = options.metaMessages ?? [];
    const lines = [shortMessage];
    if (options.method !== undefined || meta.length > 0 || details) lines.push("");
    if (options.method !== undefined) lines.push(`Method: ${options.method}`);
    lines.push(...meta);
    if (details) lines.push(`Details: ${details}`);
    super(lines.join("\n"), options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = details;
    this.method = options.method;
    this.metaMessages = meta;
  }

  /**
   * Follows the `cause` chain: returns the first error for which `predicate` is true, or the
   * innermost cause when no predicate is given.
   */
  walk(predicate?: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    while (current !== undefined && current !== null) {
      if (predicate?.(current)) return current;
      const next = (current as { cause?: unknown }).cause;
      if (next === undefined || next === null) return predicate ? undefined : current;
      current = next;
    }
    return undefined;
  }
}
