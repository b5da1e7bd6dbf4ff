import { methods } from "../generated/methods.js";
import { validators } from "../generated/validators.js";
import { protocolErrors } from "../runtime/protocolErrors.js";
import type { Principal } from "../runtime/RequestContext.js";
import { RpcError } from "../runtime/RpcError.js";
import type { ServerAuth } from "../runtime/ServerAuth.js";

/**
 * What the benchmarks serve: the spec's generated method table and validators, `public/test` as
 * the trivial handler, `private/get_position` as a private read, every other method a stub.
 */
export { methods, validators };

const result = { version: "1.2.26" };
const stub = () => ({});

export const handlers: Record<string, (params: any) => unknown> = {
  ...Object.fromEntries(Object.values(methods).map((m) => [m.handler, stub])),
  test: () => result,
  getPosition: (params: { instrument_name: string }) => ({
    instrument_name: params.instrument_name,
    size: "0",
    direction: "zero",
  }),
};

const trade = (id: string, seq: number, price: string, amount: string) => ({
  trade_id: id,
  trade_seq: seq,
  order_id: "39005203453841409",
  instrument_name: "BTC-PERPETUAL",
  direction: "buy",
  price,
  amount,
  timestamp: 1700000000123,
  state: "open",
  liquidity: "T",
  order_type: "limit",
  reduce_only: true,
  post_only: false,
  label: "",
  fee: "0",
  fee_currency: "BTC",
  index_price: price,
  mark_price: price,
  tick_direction: 0,
  matching_id: null,
});

/** The spec's close_position example `close-short-with-price`: an order and two trades. */
export const closeResult = {
  order: {
    order_id: "39005203453841409",
    instrument_name: "BTC-PERPETUAL",
    direction: "buy",
    order_type: "limit",
    order_state: "open",
    time_in_force: "good_til_cancelled",
    price: "60000.5",
    amount: "100",
    filled_amount: "80",
    average_price: "60000.3125",
    label: "",
    post_only: false,
    reject_post_only: false,
    reduce_only: true,
    creation_timestamp: 1700000000123,
    last_update_timestamp: 1700000000123,
    api: true,
    web: false,
    replaced: false,
    is_liquidation: false,
    max_show: "100",
    contracts: "10",
  },
  trades: [trade("1201", 57, "60000", "30"), trade("1202", 58, "60000.5", "50")],
};

const principal: Principal = { accountId: 1, scopes: ["trade:read_write"] };
const unauthorized = new RpcError(
  protocolErrors.unauthorized.code,
  protocolErrors.unauthorized.message,
);

export const auth: ServerAuth = {
  authenticate: (credentials) =>
    credentials.scheme === "bearer" && credentials.token === "bench-token"
      ? principal
      : unauthorized,
};
