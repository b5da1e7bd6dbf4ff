import { describe, expect, it } from "vitest";
import { authorize } from "./authorize.js";
import { createDispatcher } from "./createDispatcher.js";
import {
  alice,
  auth,
  handlers,
  methods,
  testSession,
  validators,
} from "./fixtureApi.test-helpers.js";
import { RpcError } from "./RpcError.js";

const close = methods["private/close_position"]!;
const position = { instrument_name: "BTC-PERPETUAL" };

describe("authorize", () => {
  it("lets a connection principal through before its expiresAt", () => {
    const session = testSession("ws");
    session.principal = { ...alice, expiresAt: 1_000 };
    expect(authorize(close, {}, session, auth, () => 999)).toBe(session.principal);
  });

  it("answers 13009 access token expired at expiresAt and clears the connection's principal", () => {
    const session = testSession("ws");
    session.principal = { ...alice, expiresAt: 1_000 };
    const outcome = authorize(close, {}, session, auth, () => 1_000) as RpcError;
    expect(outcome).toBeInstanceOf(RpcError);
    expect(outcome.toJSON()).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: "access token expired" },
    });
    expect(session.principal).toBeUndefined();
    expect((authorize(close, {}, session, auth, () => 1_000) as RpcError).code).toBe(10000);
  });

  it("answers 13009 access token revoked once the principal reads revoked, and clears it", () => {
    const session = testSession("ws");
    let revoked = false;
    session.principal = {
      ...alice,
      get revoked() {
        return revoked;
      },
    };
    expect(authorize(close, {}, session, auth, () => 0)).toBe(session.principal);
    revoked = true;
    expect((authorize(close, {}, session, auth, () => 0) as RpcError).toJSON()).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: "access token revoked" },
    });
    expect(session.principal).toBeUndefined();
    expect((authorize(close, {}, session, auth, () => 0) as RpcError).code).toBe(10000);
  });

  it("never expires a principal without expiresAt", () => {
    const session = testSession("ws");
    session.principal = alice;
    expect(authorize(close, {}, session, auth, () => Number.MAX_SAFE_INTEGER)).toBe(alice);
  });

  it("still takes an access_token param on a connection whose principal expired", () => {
    const session = testSession("ws");
    session.principal = { ...alice, expiresAt: 1 };
    expect(authorize(close, { access_token: "alice-token" }, session, auth, () => 5)).toBe(alice);
  });
});

describe("scope", () => {
  it("answers 13403 with the reason and the required scope", () => {
    const session = testSession("ws");
    session.principal = { accountId: 3, scopes: [] };
    expect((authorize(close, {}, session, auth, () => 0) as RpcError).toJSON()).toEqual({
      code: 13403,
      message: "scope_exceeded",
      data: {
        reason:
          "private/close_position needs scope trade:read_write, but the credentials grant none",
        required_scope: "trade:read_write",
      },
    });
  });
});

describe("the dispatcher's clock", () => {
  it("gives public methods no principal once the connection's expired, and clears it", async () => {
    let clock = 0;
    const dispatcher = createDispatcher({ methods, validators, handlers, auth, now: () => clock });
    const session = testSession("ws");
    session.principal = { ...alice, expiresAt: 10 };
    const call = async (method: string, params: object) =>
      JSON.parse(
        (await dispatcher.handleText(
          JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
          session,
        ))!,
      );
    expect((await call("private/get_position", position)).result.account).toBe(1);
    clock = 10;
    expect((await call("public/test", {})).result).toEqual({ version: "1.2.26" });
    expect(session.principal).toBeUndefined();
    expect((await call("private/get_position", position)).error.code).toBe(10000);
  });
});
