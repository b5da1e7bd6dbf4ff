/**
 * A JSON-RPC error a handler throws to answer with `{code, message, data}`. The generated
 * `src/generated/errors.ts` has one subclass per error the spec declares, each with a static `code`.
 * Any other exception a handler throws becomes -32603 without its message or stack on the wire.
 */
export class RpcError extends Error {
  override readonly name: string = "RpcError";
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.data = data;
  }

  /** The wire form: `{code, message}` plus `data` when there is any. */
  toJSON(): { code: number; message: string; data?: unknown } {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}
