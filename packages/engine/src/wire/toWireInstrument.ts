import type { Instrument } from "../Instrument.js";

/** The instrument object of public/get_instruments (Deribit's fields, decimals as strings). */
export interface WireInstrument {
  instrument_name: string;
  instrument_id: number;
  kind: "future";
  base_currency: string;
  quote_currency: string;
  counter_currency: string;
  settlement_currency: string;
  tick_size: string;
  contract_size: string;
  min_trade_amount: string;
  settlement_period: string;
  expiration_timestamp: number;
  creation_timestamp: number;
  is_active: boolean;
  instrument_type: "reversed";
  price_index: string;
  max_leverage: number;
  maker_commission: string;
  taker_commission: string;
}

/** Converts an instrument to its wire object. */
export function toWireInstrument(instrument: Instrument): WireInstrument {
  const c = instrument.config;
  return {
    instrument_name: c.instrument_name,
    instrument_id: instrument.index + 1,
    kind: c.kind,
    base_currency: c.base_currency,
    quote_currency: c.quote_currency,
    counter_currency: c.quote_currency,
    settlement_currency: c.settlement_currency,
    tick_size: c.tick_size,
    contract_size: c.contract_size,
    min_trade_amount: c.min_trade_amount,
    settlement_period: c.settlement_period,
    expiration_timestamp: c.expiration_timestamp,
    creation_timestamp: c.creation_timestamp ?? 0,
    is_active: true,
    instrument_type: "reversed",
    price_index: `${c.base_currency.toLowerCase()}_${c.quote_currency.toLowerCase()}`,
    max_leverage: 50,
    maker_commission: "0",
    taker_commission: "0",
  };
}
