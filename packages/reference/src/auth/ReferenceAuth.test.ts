import { InvalidParamsError, RpcError, UnauthorizedError } from "@unwind/server";
import { describe, expect, it } from "vitest";
import { ReferenceAuth } from "./ReferenceAuth.js";

const keys = [
  {
    clientId: "maker",
    clientSecret: "s3cret",
    accountId: 1,
    maxScope: "trade:read_write" as const,
  },
];

describe("ReferenceAuth.grant", () => {
  it("issues tokens for the right id and secret", () => {
    const auth = new ReferenceAuth({ keys, now: () => 1_000_000, loginThrottle: false });
    const out = auth.grant({
      grant_type: "client_credentials",
      client_id: "maker",
      client_secret: "s3cret",
      state: "x",
    });
    if (out instanceof RpcError) throw out;
    expect(out.principal.accountId).toBe(1);
    expect(out.result.state).toBe("x");
  });

  it("returns its rejections as values, never throws them", () => {
    const auth = new ReferenceAuth({ keys, now: () => 1_000_000, loginThrottle: false });
    const grant = (params: Parameters<ReferenceAuth["grant"]>[0]) => {
      let out: unknown;
      expect(() => {
        out = auth.grant(params);
      }).not.toThrow();
      return out;
    };
    const missing = grant({ grant_type: "client_credentials", client_id: "maker" });
    expect(missing).toBeInstanceOf(InvalidParamsError);
    expect((missing as RpcError).data).toEqual({
      param: "client_secret",
      reason: "required for grant_type client_credentials",
    });
    expect(
      grant({ grant_type: "client_credentials", client_id: "maker", client_secret: "wrong" }),
    ).toBeInstanceOf(UnauthorizedError);
    expect(grant({ grant_type: "refresh_token", refresh_token: "nope" })).toBeInstanceOf(
      UnauthorizedError,
    );
    expect(grant({ grant_type: "client_signature", client_id: "maker" })).toBeInstanceOf(
      InvalidParamsError,
    );
  });
});
