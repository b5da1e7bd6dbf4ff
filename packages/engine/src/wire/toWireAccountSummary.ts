import { formatDecimal, formatRatio, pow10 } from "@unwind/protocol";
import type { Account } from "../Account.js";
import type { Engine } from "../Engine.js";
import { positionFigures } from "./toWirePosition.js";

/** The result of private/get_account_summary (shapes.md). */
export interface WireAccountSummary {
  currency: string;
  balance: string;
  equity: string;
  available_funds: string;
  margin_balance: string;
  initial_margin: string;
  maintenance_margin: string;
  session_rpl: string;
  session_upl: string;
  total_pl: string;
  futures_pl: string;
  options_pl: string;
  delta_total: string;
  fee_balance: string;
  projected_initial_margin: string;
  projected_maintenance_margin: string;
  available_withdrawal_funds: string;
  id: number;
  username: string;
  type: "main";
  margin_model: "segregated_sm";
  portfolio_margining_enabled: false;
  creation_timestamp: number;
}

type Sum = [bigint, bigint];
const add = (a: Sum, n: bigint, d: bigint): Sum => [a[0] * d + n * a[1], a[1] * d];
const E8 = pow10(8);

/**
 * One currency's summary. PnL figures sum the positions of instruments settled in the currency
 * (linear, quote units, like the positions); the balance is the configured one and equity equals it,
 * since the reference books no fees and no settlement.
 */
export function toWireAccountSummary(
  engine: Engine,
  account: Account,
  currency: string,
): WireAccountSummary {
  const b = account.balances.get(currency);
  const balance = b === undefined ? "0" : formatDecimal(b.units, b.scale);
  let rpl: Sum = [0n, 1n];
  let upl: Sum = [0n, 1n];
  let delta: Sum = [0n, 1n];
  for (const book of engine.books) {
    const i = book.instrument;
    if (i.config.settlement_currency !== currency) continue;
    const p = account.peekPosition(i.index);
    if (p === undefined) continue;
    const f = positionFigures(book, p);
    rpl = add(rpl, f.realized, E8);
    upl = add(upl, f.floating, E8);
    if (f.size !== 0n && f.mark !== null) {
      const [mn, md] = f.mark;
      delta = add(
        delta,
        f.size * i.contract.units * md * pow10(i.tick.scale),
        mn * i.tick.units * pow10(i.contract.scale),
      );
    }
  }
  const total = add(rpl, upl[0], upl[1]);
  const r = (s: Sum) => formatRatio(s[0], s[1], 8);
  return {
    currency,
    balance,
    equity: balance,
    available_funds: balance,
    margin_balance: balance,
    initial_margin: "0",
    maintenance_margin: "0",
    session_rpl: r(rpl),
    session_upl: r(upl),
    total_pl: r(total),
    futures_pl: r(total),
    options_pl: "0",
    delta_total: r(delta),
    fee_balance: "0",
    projected_initial_margin: "0",
    projected_maintenance_margin: "0",
    available_withdrawal_funds: balance,
    id: account.id,
    username: account.config.username,
    type: "main",
    margin_model: "segregated_sm",
    portfolio_margining_enabled: false,
    creation_timestamp: account.config.creation_timestamp ?? 0,
  };
}
