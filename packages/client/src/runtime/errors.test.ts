import { describe, expect, test } from "vitest";
import { AbortedError } from "./AbortedError.js";
import { ClientError } from "./ClientError.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import { HttpStatusError } from "./HttpStatusError.js";
import { RpcError } from "./RpcError.js";
import { TimeoutError } from "./TimeoutError.js";
import { TransportError } from "./TransportError.js";
import { toRpcError } from "./toRpcError.js";

class OtherReject extends RpcError {
  static override readonly code = 11030;
  override name = "OtherRejectError";
}

describe("errors", () => {
  test("RpcError: short message, code, data and method in the message", () => {
    const error = new RpcError(
      11030,
      "other_reject",
      { reason: "no_open_position" },
      { method: "private/close_position" },
    );
    expect(error.message).toMatchInlineSnapshot(`
      "private/close_position failed: the server answered 11030 other_reject.

      Method: private/close_position
      Code: 11030
      Data: {"reason":"no_open_position"}"
    `);
    expect(error.shortMessage).toBe(
      "private/close_position failed: the server answered 11030 other_reject.",
    );
    expect(error.toJSON()).toEqual({
      code: 11030,
      message: "other_reject",
      data: { reason: "no_open_position" },
    });
  });

  test("toRpcError maps a code to its class, and unknown codes to RpcError", () => {
    const classes = { 11030: OtherReject };
    const known = toRpcError({ code: 11030, message: "other_reject" }, classes, { method: "m" });
    expect(known).toBeInstanceOf(OtherReject);
    expect(known.name).toBe("OtherRejectError");
    expect(known).toMatchObject({ code: 11030, method: "m", data: undefined });
    const unknown = toRpcError({ code: 12345, message: "new_thing" }, classes);
    expect(unknown.constructor).toBe(RpcError);
  });

  test("transport errors form their own branch", () => {
    const errors = [
      new TimeoutError(5, { method: "m" }),
      new AbortedError({ method: "m" }),
      new ConnectionClosedError("closed", { closeCode: 1006 }),
      new HttpStatusError(503, { url: "http://x", body: "busy" }),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toBeInstanceOf(ClientError);
      expect(error).not.toBeInstanceOf(RpcError);
    }
    expect(errors.map((e) => e.name)).toEqual([
      "TimeoutError",
      "AbortedError",
      "ConnectionClosedError",
      "HttpStatusError",
    ]);
  });

  test("walk() follows the cause chain", () => {
    const root = new Error("ECONNRESET");
    const middle = new ConnectionClosedError("closed", { cause: root });
    const top = new ClientError("call failed", { cause: middle });
    expect(top.walk()).toBe(root);
    expect(top.walk((e) => e instanceof TransportError)).toBe(middle);
    expect(top.details).toBe("closed");
  });
});
