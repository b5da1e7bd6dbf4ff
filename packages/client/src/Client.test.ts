import { expectTypeOf, test } from "vitest";
import type { Client } from "./Client.js";
import { createClient } from "./createClient.js";
import type {
  BookChange,
  ClosePositionErrorType,
  ClosePositionParameters,
  ClosePositionReturnType,
  GetTimeReturnType,
  OtherRejectError,
  PublicTradeList,
  TestReturnType,
  UserChanges,
} from "./generated/index.js";
import type { ChannelSubscription } from "./runtime/ChannelSubscription.js";
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
      "disableCancelOnDisconnect",
      "disableHeartbeat",
      "enableCancelOnDisconnect",
      "getAccountSummaries",
      "getAccountSummary",
      "getCancelOnDisconnect",
      "getCurrencies",
      "getInstruments",
      "getOpenOrdersByInstrument",
      "getOrderBook",
      "getOrderState",
      "getPosition",
      "getPositions",
      "getTime",
      "privateSubscribe",
      "privateUnsubscribe",
      "privateUnsubscribeAll",
      "publicSubscribe",
      "publicUnsubscribe",
      "publicUnsubscribeAll",
      "request",
      "requestWithResponse",
      "sell",
      "session",
      "setHeartbeat",
      "subscribe",
      "test",
      "transport",
      "unsubscribeAll",
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

test("types: request and requestWithResponse by method name, typed from the generated MethodTable", () => {
  const client = createClient({ url: "http://127.0.0.1:9/api/v2" });
  type Names = Parameters<Client["request"]>[0];
  expectTypeOf<"private/close_position">().toExtend<Names>();
  expectTypeOf<"public/test">().toExtend<Names>();
  expectTypeOf<"private/no_such_method">().not.toExtend<Names>();
  // Calls are only built, never awaited: the client points nowhere and this test reads types.
  const typed = () => ({
    closed: client.request("private/close_position", {
      instrument_name: "BTC-PERPETUAL",
      type: "limit",
    }),
    time: client.request("public/get_time"),
    test: client.request("public/test", {}, { timeoutMs: 10 }),
    full: client.requestWithResponse("private/close_position", {
      instrument_name: "BTC-PERPETUAL",
      type: "limit",
    }),
  });
  expectTypeOf<ReturnType<typeof typed>>().toEqualTypeOf<{
    closed: Promise<ClosePositionReturnType>;
    time: Promise<GetTimeReturnType>;
    test: Promise<TestReturnType>;
    full: Promise<RpcResponse<ClosePositionReturnType>>;
  }>();
  const wrong = () => [
    // @ts-expect-error a name the spec does not have
    client.request("private/close_positions", { instrument_name: "BTC-PERPETUAL", type: "limit" }),
    // @ts-expect-error close_position needs its params
    client.request("private/close_position"),
    // @ts-expect-error `type` is only "limit"
    client.request("private/close_position", { instrument_name: "BTC-PERPETUAL", type: "market" }),
    // @ts-expect-error a param close_position does not have
    client.request("private/close_position", { instrument_name: "X", type: "limit", amount: 1 }),
    // @ts-expect-error the params of another method
    client.requestWithResponse("private/get_position", { currency: "BTC" }),
  ];
  expectTypeOf(wrong).toBeFunction();
});

test("types: subscribe by channel name, typed from the generated ChannelTable", () => {
  const client = createClient({ url: "http://127.0.0.1:9/api/v2", transport: "ws" });
  // Subscriptions are only built, never iterated: the client points nowhere and this test reads types.
  const typed = () => ({
    changes: client.subscribe("user.changes.BTC-PERPETUAL.raw"),
    book: client.subscribe("book.ETH-PERPETUAL.raw", { overflow: "drop-oldest" }),
    book100ms: client.subscribe("book.BTC-PERPETUAL.100ms"),
    trades100ms: client.subscribe("trades.BTC-PERPETUAL.100ms"),
  });
  expectTypeOf<ReturnType<typeof typed>>().toEqualTypeOf<{
    changes: ChannelSubscription<UserChanges>;
    book: ChannelSubscription<BookChange>;
    book100ms: ChannelSubscription<BookChange>;
    trades100ms: ChannelSubscription<PublicTradeList>;
  }>();
  const flat = async () => {
    for await (const change of client.subscribe("user.changes.BTC-PERPETUAL.raw")) {
      if (change.positions.some((p) => p.size === "0")) return true;
    }
    return false;
  };
  const wrong = () => [
    // @ts-expect-error a channel the spec does not have
    client.subscribe("user.portfolio.BTC-PERPETUAL.raw"),
    // @ts-expect-error an interval the spec does not have
    client.subscribe("book.BTC-PERPETUAL.agg2"),
    // @ts-expect-error user.* channels are raw only
    client.subscribe("user.orders.BTC-PERPETUAL.100ms"),
  ];
  expectTypeOf(flat).toBeFunction();
  expectTypeOf(wrong).toBeFunction();
});
