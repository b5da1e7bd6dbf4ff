import { afterAll, beforeAll, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, basic, post } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ port: 0, log: () => {} });
});
afterAll(() => server.close());

const buy = (price: string) =>
  post(
    server.url,
    "private/buy",
    { instrument_name: "BTC-PERPETUAL", amount: "10", price },
    basic(ALICE),
  );

async function fastest(f: () => Promise<unknown>, runs = 5): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

test("a price of 200,000 zeros is -32602 about as fast as a short malformed one", async () => {
  const bomb = `1000.${"0".repeat(200_000)}`;
  const answer = await buy(bomb);
  expect(answer.error).toEqual({
    code: -32602,
    message: "Invalid params",
    data: { param: "price", reason: "must NOT have more than 64 characters" },
  });
  expect((await buy("1000.0x")).error?.code).toBe(-32602);
  // It took 21 s (four thousand times the baseline) when each trailing zero cost a division.
  const ratio = (await fastest(() => buy(bomb))) / (await fastest(() => buy("1000.0x")));
  expect(ratio).toBeLessThan(20);
});

const signed = { grant_type: "client_signature", client_id: "c", timestamp: 1, signature: "00" };
const login = {
  grant_type: "client_credentials",
  client_id: ALICE.id,
  client_secret: ALICE.secret,
};
const BTC = "BTC-PERPETUAL";

test.each([
  ["private/buy", "instrument_name", { instrument_name: "X".repeat(65), amount: "1" }, 64],
  ["private/buy", "amount", { instrument_name: BTC, amount: `1.${"0".repeat(63)}` }, 64],
  ["private/sell", "contracts", { instrument_name: BTC, contracts: "1".repeat(65) }, 64],
  [
    "private/close_position",
    "price",
    { instrument_name: BTC, type: "limit", price: "9".repeat(65) },
    64,
  ],
  ["private/cancel", "order_id", { order_id: "1".repeat(65) }, 64],
  ["public/get_order_book", "instrument_name", { instrument_name: "X".repeat(65) }, 64],
  ["public/auth", "client_id", { ...login, client_id: "x".repeat(129) }, 128],
  ["public/auth", "client_secret", { ...login, client_secret: "x".repeat(129) }, 128],
  ["public/auth", "signature", { ...signed, nonce: "n", signature: "0".repeat(129) }, 128],
  ["public/auth", "nonce", { ...signed, nonce: "n".repeat(129) }, 128],
  ["public/auth", "data", { ...signed, nonce: "n", data: "d".repeat(1025) }, 1024],
  ["public/auth", "state", { ...login, state: "s".repeat(257) }, 256],
  ["public/auth", "scope", { ...login, scope: " ".repeat(257) }, 256],
  [
    "public/auth",
    "refresh_token",
    { grant_type: "refresh_token", refresh_token: "r".repeat(1025) },
    1024,
  ],
])("%s: an over-long %s is -32602", async (method, param, params, limit) => {
  const answer = await post(server.url, method, params, basic(ALICE));
  expect(answer.error).toEqual({
    code: -32602,
    message: "Invalid params",
    data: { param, reason: `must NOT have more than ${limit} characters` },
  });
});

test("an over-long access_token is refused as no token the server issued (13009)", async () => {
  const params = { instrument_name: BTC, access_token: "t".repeat(1025) };
  const answer = await post(server.url, "private/get_position", params);
  expect(answer.error).toEqual({ code: 13009, message: "unauthorized" });
});
