import { ClientError } from "./ClientError.js";

/** The `error` member of a JSON-RPC response. */
export interface WireError {
  code: number;
  message: string;
  data?: unknown;
}

/** The constructor every generated error class shares with `RpcError`. */
export type RpcErrorClass = (new (
  code: number,
  message: string,
  data?: unknown,
  options?: { method?: string; cause?: unknown },
) => RpcError) & { readonly code?: number };

function describeData(data: unknown): string | undefined {
  if (data === undefined) return undefined;
  try {
    return `Data: ${JSON.stringify(data)}`;
  } catch {
    return `Data: ${String(data)}`;
  }
}

/**
 * A JSON-RPC error the server answered: `code`, the server's `message` (as `rpcMessage`) and
 * `data`. `src/generated/errors.ts` has one subclass per code the spec declares (each with a
 * static `code`); a code the spec does not declare arrives as a plain `RpcError`.
 * Transport failures are never `RpcError`s: see `TransportError`.
 *
 * @example
 * catch (e) { if (e instanceof RpcError && e.code === 11030) console.log(e.data) }
 */
export class RpcError extends ClientError {
  /** Set by each generated subclass to the JSON-RPC code it stands for. */
  static readonly code?: number;
  override name = "RpcError";
  readonly code: number;
  /** The server's `error.message`, e.g. `other_reject`. */
  readonly rpcMessage: string;
  readonly data: unknown;

  constructor(
    code: number,
    message: string,
    data?: unknown,
    options: { method?: string; cause?: unknown } = {},
  ) {
    const meta = [`Code: ${code}`];
    const dataLine = describeData(data);
    if (dataLine) meta.push(dataLine);
    super(
      options.method === undefined
        ? `The server answered ${code} ${message}.`
        : `${options.method} failed: the server answered ${code} ${message}.`,
      { method: options.method, cause: options.cause, metaMessages: meta, details: "" },
    );
    this.code = code;
    this.rpcMessage = message;
    this.data = data;
  }

  /** The wire form, `{code, message, data?}`. */
  toJSON(): WireError {
    return this.data === undefined
      ? { code: this.code, message: this.rpcMessage }
      : { code: this.code, message: this.rpcMessage, data: this.data };
  }
}
