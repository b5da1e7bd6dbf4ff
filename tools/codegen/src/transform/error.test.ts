import { describe, expect, test } from "vitest";
import type { ErrorModel } from "../model.js";
import { print } from "../ts.js";
import { transformError } from "./error.js";

const otherReject: ErrorModel = {
  key: "OtherReject",
  className: "OtherRejectError",
  code: 11030,
  message: "other_reject",
  description: "A rule of the method rejected the request.",
  data: undefined,
};

describe("transformError: error -> class", () => {
  test("server: thrown by handlers with the spec's code and message", () => {
    expect(print(transformError(otherReject, "server"))).toMatchInlineSnapshot(`
      "/**
       * \`11030\` other_reject (\`components.errors.OtherReject\`).
       *
       * A rule of the method rejected the request.
       */
      export class OtherRejectError extends RpcError {
          static readonly code = 11030;
          /** The message the spec gives this error. */
          static readonly message = "other_reject";
          override readonly name: string = "OtherRejectError";
          constructor(data?: unknown, options?: { cause?: unknown; }) {
              super(11030, "other_reject", data, options);
          }
      }"
    `);
  });

  test("client: built from the wire error, keeping RpcError's constructor", () => {
    expect(
      print(
        transformError(
          {
            ...otherReject,
            key: undefined,
            description: undefined,
            code: -32000,
            className: "BusyError",
            message: "busy",
          },
          "client",
        ),
      ),
    ).toMatchInlineSnapshot(`
        "/** \`-32000\` busy. */
        export class BusyError extends RpcError {
            static override readonly code = -32000;
            override readonly name: string = "BusyError";
        }"
      `);
  });
});
