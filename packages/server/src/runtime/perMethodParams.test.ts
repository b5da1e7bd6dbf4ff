import { describe, expect, it } from "vitest";
import type { MethodDescriptor } from "./MethodDescriptor.js";
import { perMethodParams } from "./perMethodParams.js";

const method = {
  name: "public/flags",
  params: [{ name: "count", kind: "integer" }],
} as unknown as MethodDescriptor;

describe("perMethodParams", () => {
  it("takes a JSON object body as the params", () => {
    expect(perMethodParams("", '{"count":3}', method)).toEqual({ params: { count: 3 } });
  });

  it("takes the params from the query string, coerced, when the body is empty", () => {
    expect(perMethodParams("count=3", "", method)).toEqual({ params: { count: 3 } });
    expect(perMethodParams("", " \n", method)).toEqual({ params: {} });
  });

  it("refuses params in both the query string and the body", () => {
    expect(perMethodParams("count=3", '{"count":4}', method)).toEqual({
      invalidRequest: expect.stringMatching(/both the query string and the body/),
    });
  });

  it("refuses a JSON-RPC request as the body, saying where it belongs", () => {
    const body = '{"jsonrpc":"2.0","id":1,"method":"public/flags","params":{"count":3}}';
    expect(perMethodParams("", body, method)).toEqual({
      invalidRequest: expect.stringMatching(/not a JSON-RPC request: send .* to POST \/api\/v2$/),
    });
  });

  it("leaves other JSON values to the dispatcher (-32602) and text that is not JSON to -32700", () => {
    expect(perMethodParams("", "[1]", method)).toEqual({ params: [1] });
    expect(perMethodParams("", "{bad", method)).toEqual({ notJson: true });
  });
});
