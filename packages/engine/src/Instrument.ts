import type { Decimal } from "@unwind/protocol";
import type { Int } from "./Int.js";

/** An instrument as configured (and as a JSON file lists it): wire names, decimal strings. */
export interface InstrumentConfig {
  instrument_name: string;
  kind: "future";
  base_currency: string;
  quote_currency: string;
  settlement_currency: string;
  tick_size: string;
  contract_size: string;
  min_trade_amount: string;
  settlement_period: "perpetual" | "month" | "week";
  expiration_timestamp: number;
  creation_timestamp?: number;
}

/** A resolved instrument: the config plus exact units the hot path works in. */
export interface Instrument {
  readonly config: InstrumentConfig;
  readonly name: string;
  /** Position in the engine's instrument list; also `instrument_id - 1`. */
  readonly index: number;
  /** Price of one tick. */
  readonly tick: Decimal;
  /** Amount of one lot (the contract size). */
  readonly contract: Decimal;
  /** Minimum order size in lots. */
  readonly minLots: number;
  /** One tick x one lot in 1e-8 quote units, as `num / den`: turns tick x lot figures into PnL. */
  readonly pnlUnit: { readonly num: Int; readonly den: Int };
}

/** Deribit's "never" expiration: 3000-01-01T00:00Z. */
export const NEVER_EXPIRES = 32503680000000;

/** The reference instruments: BTC-PERPETUAL, ETH-PERPETUAL and BTC-25DEC26. */
export const defaultInstruments: readonly InstrumentConfig[] = [
  {
    instrument_name: "BTC-PERPETUAL",
    kind: "future",
    base_currency: "BTC",
    quote_currency: "USD",
    settlement_currency: "BTC",
    tick_size: "0.5",
    contract_size: "10",
    min_trade_amount: "10",
    settlement_period: "perpetual",
    expiration_timestamp: NEVER_EXPIRES,
    creation_timestamp: 1534167754000,
  },
  {
    instrument_name: "ETH-PERPETUAL",
    kind: "future",
    base_currency: "ETH",
    quote_currency: "USD",
    settlement_currency: "ETH",
    tick_size: "0.05",
    contract_size: "1",
    min_trade_amount: "1",
    settlement_period: "perpetual",
    expiration_timestamp: NEVER_EXPIRES,
    creation_timestamp: 1552568454000,
  },
  {
    instrument_name: "BTC-25DEC26",
    kind: "future",
    base_currency: "BTC",
    quote_currency: "USD",
    settlement_currency: "BTC",
    tick_size: "0.5",
    contract_size: "10",
    min_trade_amount: "10",
    settlement_period: "month",
    expiration_timestamp: 1798185600000,
    creation_timestamp: 1766649600000,
  },
];
