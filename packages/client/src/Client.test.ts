import { expectTypeOf, test } from "vitest";
import type { Client } from "./Client.js";
import { createClient } from "./createClient.js";
import type {
  ClosePositionErrorType,
  ClosePositionParameters,
  ClosePositionReturnType,
  OtherRejectError,
} from "./generated/index.js";
import type { RpcResponse } from "./runtime/RpcResponse.js";

test("the client has every generated method, the same under withResponse, and the base members", ({
  expect,
}) => {
  const client = createClient({ url: "http://127.0.0.1:9/api/v2" });
  expect(Object.keys(client).sort()).toMatchInlineSnapshot(`
    [
      "auth",
      "authenticate",
      "buy",
      "cancel",
      "close",
      "closePosition",
      "disableHeartbeat",
      "getAccountSummaries",
      "getAccountSummary",
      "getCurrencies",
      "getInstruments",
      "getOpenOrdersByInstrument",
      "getOrderBook",
      "getOrderState",
      "getPosition",
      "getPositions",
      "getTime",
      "request",
      "requestWithResponse",
      "sell",
      "session",
      "setHeartbeat",
      "test",
      "transport",
      "withResponse",
    ]
  `);
  expect(Object.keys(client.withResponse)).toContain("closePosition");
});

test("types: params, results, the response form and the declared errors", () => {
  expectTypeOf<Client["closePosition"]>().parameter(0).toEqualTypeOf<ClosePositionParameters>();
  expectTypeOf<Client["closePosition"]>().returns.toEqualTypeOf<Promise<ClosePositionReturnType>>();
  expectTypeOf<Client["withResponse"]["closePosition"]>().returns.toEqualTypeOf<
    Promise<RpcResponse<ClosePositionReturnType>>
  >();
  expectTypeOf<OtherRejectError>().toExtend<ClosePositionErrorType>();
  expectTypeOf<ClosePositionReturnType["order"]["order_id"]>().toEqualTypeOf<string>();
  // @ts-expect-error `type` is required and only "limit"
  const _wrong: ClosePositionParameters = { instrument_name: "BTC-PERPETUAL", type: "market" };
});
