/** A currency object of public/get_currencies. */
export interface WireCurrency {
  currency: string;
  currency_long: string;
  coin_type: string;
  decimals: number;
  min_confirmations: number;
  min_withdrawal_fee: string;
  withdrawal_fee: string;
  withdrawal_priorities: never[];
}

const NAMES: Readonly<Record<string, [string, string]>> = {
  BTC: ["Bitcoin", "BITCOIN"],
  ETH: ["Ethereum", "ETHER"],
  USDC: ["USD Coin", "USDC"],
  USDT: ["Tether USD", "USDT"],
};

/** Converts a currency code to its wire object. */
export function toWireCurrency(currency: string): WireCurrency {
  const [long, coin] = NAMES[currency] ?? [currency, currency];
  return {
    currency,
    currency_long: long,
    coin_type: coin,
    decimals: 8,
    min_confirmations: 1,
    min_withdrawal_fee: "0",
    withdrawal_fee: "0",
    withdrawal_priorities: [],
  };
}
