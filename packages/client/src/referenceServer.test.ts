// The SDK against the reference server (the engine behind @unwind/server), every transport and
// auth form: what a user of the SDK does first.
import { startReferenceServer } from "@unwind/reference";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient } from "./createClient.js";
import {
  InvalidOrUnsupportedInstrumentError,
  OrderNotFoundError,
  OtherRejectError,
  PriceWrongTickError,
  TooManyRequestsError,
  UnauthorizedError,
} from "./index.js";

type Server = Awaited<ReturnType<typeof startReferenceServer>>;
let server: Server;
beforeAll(async () => {
  server = await startReferenceServer({ port: 0 });
});
afterAll(() => server?.close());

const BOB = { clientId: "bob-key", clientSecret: "bob-secret-TEST-ONLY" };
const CAROL = { clientId: "carol-key", clientSecret: "carol-secret-TEST-ONLY" };

const forms = [
  { name: "ws, client_credentials", transport: "ws", auth: {} },
  { name: "ws, client_signature", transport: "ws", auth: { grant: "client_signature" } },
  { name: "http POST, bearer", transport: "http", auth: { http: "bearer" } },
  { name: "http GET, basic", transport: "http", httpMethod: "GET", auth: { http: "basic" } },
  { name: "http POST, deri-hmac-sha256", transport: "http", auth: { http: "hmac" } },
] as const;

describe.each(forms)("$name", (form) => {
  const clientFor = (key: typeof BOB) =>
    createClient({
      url: server.url,
      transport: form.transport,
      ...("httpMethod" in form ? { httpMethod: form.httpMethod } : {}),
      auth: { ...key, ...form.auth } as never,
      validateResults: true,
    });

  test("opens a position between two accounts and closes it with close_position", async () => {
    const maker = clientFor(BOB);
    const taker = clientFor(CAROL);
    const instrument_name = "ETH-PERPETUAL";
    try {
      await maker.sell({ instrument_name, amount: "3", type: "limit", price: "2000" });
      await taker.buy({ instrument_name, amount: "3", type: "limit", price: "2000" });
      expect((await taker.getPosition({ instrument_name })).size).toBe("3");
      await maker.buy({ instrument_name, amount: "3", type: "limit", price: "1999.5" });
      const { result, usIn, usOut, usDiff } = await taker.withResponse.closePosition({
        instrument_name,
        type: "limit",
      });
      expect(result.order).toMatchObject({
        direction: "sell",
        amount: "3",
        reduce_only: true,
        order_state: "filled",
        price: "1999.5",
      });
      expect(result.trades).toHaveLength(1);
      expect(usDiff).toBe(usOut - usIn);
      expect((await taker.getPosition({ instrument_name })).size).toBe("0");
      expect((await maker.getPosition({ instrument_name })).size).toBe("0");
    } finally {
      await maker.close();
      await taker.close();
    }
  });

  test("maps the reference's errors to their classes", async () => {
    const client = clientFor(CAROL);
    try {
      const noPosition = await client
        .closePosition({ instrument_name: "BTC-PERPETUAL", type: "limit" })
        .catch((e) => e);
      expect(noPosition).toBeInstanceOf(OtherRejectError);
      expect(noPosition.data).toEqual({ reason: "no_open_position" });
      await expect(
        client.closePosition({ instrument_name: "DOGE-PERPETUAL", type: "limit" }),
      ).rejects.toBeInstanceOf(InvalidOrUnsupportedInstrumentError);
      await expect(
        client.buy({
          instrument_name: "BTC-PERPETUAL",
          amount: "10",
          type: "limit",
          price: "100.25",
        }),
      ).rejects.toBeInstanceOf(PriceWrongTickError);
      await expect(client.getOrderState({ order_id: "999999999" })).rejects.toBeInstanceOf(
        OrderNotFoundError,
      );
    } finally {
      await client.close();
    }
  });
});

test("a wrong secret is refused with UnauthorizedError over both transports", async () => {
  for (const transport of ["ws", "http"] as const) {
    const client = createClient({
      url: server.url,
      transport,
      auth: { clientId: "bob-key", clientSecret: "nope" },
    });
    await expect(client.getPositions({})).rejects.toBeInstanceOf(UnauthorizedError);
    await client.close();
  }
});

describe("a reference server with --max-requests-per-second", () => {
  test("the SDK raises TooManyRequestsError (10028) for the excess, over both transports", async () => {
    const limited = await startReferenceServer({ port: 0, limits: { maxRequestsPerSecond: 1 } });
    try {
      for (const transport of ["ws", "http"] as const) {
        const client = createClient({ url: limited.url, transport });
        try {
          await client.test({});
          const error = await client.test({}).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(TooManyRequestsError);
          expect((error as TooManyRequestsError).code).toBe(10028);
        } finally {
          await client.close();
        }
      }
    } finally {
      await limited.close();
    }
  });
});

describe("subscriptions against the reference", () => {
  test('user.changes over WebSocket: the close\'s fill arrives and the position reaches size "0"', async () => {
    const ws = (key: typeof BOB) =>
      createClient({ url: server.url, transport: "ws", auth: key, validateResults: true });
    const maker = ws(BOB);
    const taker = ws(CAROL);
    const instrument_name = "BTC-PERPETUAL";
    try {
      await maker.sell({ instrument_name, amount: "20", type: "limit", price: "61000" });
      await taker.buy({ instrument_name, amount: "20", type: "limit", price: "61000" });
      await maker.buy({ instrument_name, amount: "20", type: "limit", price: "60999.5" });
      const changes = taker.subscribe(`user.changes.${instrument_name}.raw`);
      await changes.ready();
      const { order } = await taker.closePosition({ instrument_name, type: "limit" });
      expect(order.order_state).toBe("filled");
      let sawClose = false;
      for await (const change of changes) {
        expect(change.instrument_name).toBe(instrument_name);
        if (change.orders.some((o) => o.order_id === order.order_id)) sawClose = true;
        if (change.positions.some((p) => p.size === "0")) break;
      }
      expect(sawClose).toBe(true);
      expect((await taker.getPosition({ instrument_name })).size).toBe("0");
    } finally {
      await maker.close();
      await taker.close();
    }
  });
});
