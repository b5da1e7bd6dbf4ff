// The client's subscriptions against the subscription runtime of @unwind/server (its ChannelHub
// publishes; the client iterates), over real sockets.
import {
  createServer,
  methods,
  type RequestContext,
  type RunningServer,
  RpcError as ServerRpcError,
  transportHandlers,
} from "@unwind/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient } from "./createClient.js";
import { AuthorizationRequiredError, InvalidParamsError } from "./generated/index.js";
import { rejection } from "./runtime/wireServer.test-helpers.js";

const served = new Set(Object.keys(transportHandlers));
const handlers: Record<string, unknown> = Object.fromEntries(
  Object.values(methods)
    .filter((m) => !served.has(m.handler))
    .map((m) => [m.handler, () => ({})]),
);
handlers["auth"] = (p: { client_id: string }, context: RequestContext) => {
  context.authenticateConnection({ accountId: Number(p.client_id), scopes: ["trade:read_write"] });
  return { access_token: "t", refresh_token: "r", expires_in: 900, token_type: "bearer" };
};
// private/buy publishes the account's order before it answers, as the reference does
handlers["buy"] = (p: { instrument_name: string }, context: RequestContext) => {
  const account = context.principal!.accountId;
  context.channels!.publish(`user.orders.${p.instrument_name}.raw`, { order_id: "1" }, account);
  return { order: { order_id: "1" }, trades: [] };
};

let server: RunningServer;
beforeAll(async () => {
  server = await createServer({
    handlers: handlers as never,
    auth: { authenticate: () => new ServerRpcError(13009, "unauthorized") },
    onError: () => {},
  });
});
afterAll(() => server.close());

test("user.orders over private/subscribe: the order published by buy arrives before buy's answer", async () => {
  const client = createClient({
    wsUrl: server.wsUrl,
    auth: { clientId: "7", clientSecret: "x" },
  });
  try {
    const orders = client.subscribe("user.orders.BTC-PERPETUAL.raw");
    await orders.ready();
    expect(server.channels.count("user.orders.BTC-PERPETUAL.raw")).toBe(1);
    await client.request("private/buy", { instrument_name: "BTC-PERPETUAL", amount: "10" });
    for await (const order of orders) {
      expect(order).toEqual({ order_id: "1" });
      break;
    }
    expect(server.channels.count("user.orders.BTC-PERPETUAL.raw")).toBe(0);
  } finally {
    await client.close();
  }
});

test("public channels: published data in order; refusals arrive as the generated error classes", async () => {
  const client = createClient({ wsUrl: server.wsUrl });
  try {
    const trades = client.subscribe("trades.ETH-PERPETUAL.raw");
    await trades.ready();
    for (let n = 1; n <= 20; n++) {
      server.channels.publish("trades.ETH-PERPETUAL.raw", [{ trade_id: String(n) }]);
    }
    const seen: string[] = [];
    for await (const batch of trades) {
      seen.push(batch[0]!.trade_id);
      if (seen.length === 20) break;
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));

    const aggregated = await rejection(
      (client.subscribe as (name: string) => AsyncIterator<unknown>)(
        "book.BTC-PERPETUAL.agg2",
      ).next(),
    );
    expect(aggregated).toBeInstanceOf(InvalidParamsError);
    expect(aggregated.data).toMatchObject({ param: "channels" });
    // no credentials: private/subscribe is refused
    const mine = await rejection(client.subscribe("user.changes.BTC-PERPETUAL.raw").next());
    expect(mine).toBeInstanceOf(AuthorizationRequiredError);
  } finally {
    await client.close();
  }
});
