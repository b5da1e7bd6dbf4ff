import {
  compareDecimal,
  type Decimal,
  divideExact,
  formatDecimal,
  parseDecimal,
  pow10,
} from "@unwind/protocol";
import type { Instrument, InstrumentConfig } from "./Instrument.js";
import { norm } from "./Int.js";

/** The outcome of loading instruments: resolved instruments, or every problem found. */
export type LoadInstrumentsResult =
  | { ok: true; instruments: Instrument[] }
  | { ok: false; errors: string[] };

const NAME = /^[A-Z0-9][A-Z0-9_-]*$/;
/** The spec's `InstrumentName` maxLength: a longer name could not be sent back as a param. */
const MAX_NAME_LENGTH = 64;
const CURRENCY = /^[A-Z][A-Z0-9]*$/;
const PERIODS = ["perpetual", "month", "week"];
const KEYS = [
  "instrument_name",
  "kind",
  "base_currency",
  "quote_currency",
  "settlement_currency",
  "tick_size",
  "contract_size",
  "min_trade_amount",
  "settlement_period",
  "expiration_timestamp",
  "creation_timestamp",
];

function positive(v: unknown, where: string, errors: string[]): Decimal | undefined {
  const d = parseDecimal(v);
  if (!d.ok) {
    errors.push(`${where}: ${d.reason}`);
    return undefined;
  }
  if (d.value.units <= 0n) {
    errors.push(`${where}: expected a positive decimal, but got ${JSON.stringify(v)}`);
    return undefined;
  }
  return d.value;
}

function checkOne(raw: unknown, at: string, errors: string[]): InstrumentConfig | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    errors.push(
      `${at}: expected an object, but got ${Array.isArray(raw) ? "an array" : typeof raw}`,
    );
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  const before = errors.length;
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) errors.push(`${at}.${k}: unknown field`);
  const name = o["instrument_name"];
  if (typeof name !== "string" || !NAME.test(name)) {
    errors.push(
      `${at}.instrument_name: expected a name like "BTC-PERPETUAL", but got ${JSON.stringify(name)}`,
    );
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.push(
      `${at}.instrument_name: expected at most ${MAX_NAME_LENGTH} characters (the spec's InstrumentName), but got ${name.length}`,
    );
  }
  if (o["kind"] !== "future")
    errors.push(`${at}.kind: expected "future", but got ${JSON.stringify(o["kind"])}`);
  for (const k of ["base_currency", "quote_currency", "settlement_currency"]) {
    const v = o[k];
    if (typeof v !== "string" || !CURRENCY.test(v)) {
      errors.push(`${at}.${k}: expected an upper-case currency code, but got ${JSON.stringify(v)}`);
    }
  }
  positive(o["tick_size"], `${at}.tick_size`, errors);
  const contract = positive(o["contract_size"], `${at}.contract_size`, errors);
  const min = positive(o["min_trade_amount"], `${at}.min_trade_amount`, errors);
  if (contract && min && compareDecimal(min, contract) < 0) {
    errors.push(
      `${at}.min_trade_amount: expected at least contract_size, but got ${o["min_trade_amount"]}`,
    );
  } else if (contract && min && divideExact(min, contract) === undefined) {
    errors.push(
      `${at}.min_trade_amount: expected a multiple of contract_size, but got ${o["min_trade_amount"]}`,
    );
  }
  if (!PERIODS.includes(o["settlement_period"] as string)) {
    errors.push(
      `${at}.settlement_period: expected one of ${PERIODS.join(", ")}, but got ${JSON.stringify(o["settlement_period"])}`,
    );
  }
  for (const k of ["expiration_timestamp", "creation_timestamp"]) {
    const v = o[k];
    if (v === undefined && k === "creation_timestamp") continue;
    if (!Number.isSafeInteger(v) || (v as number) < 0) {
      errors.push(`${at}.${k}: expected a non-negative integer (ms), but got ${JSON.stringify(v)}`);
    }
  }
  if (errors.length > before) return undefined;
  return {
    ...(o as unknown as InstrumentConfig),
    creation_timestamp: (o["creation_timestamp"] as number) ?? 0,
  };
}

/** Resolves validated configs into instruments (exact tick, contract and minimum in lots). */
export function resolveInstruments(configs: readonly InstrumentConfig[]): Instrument[] {
  return configs.map((config, index) => {
    const tick = parseDecimal(config.tick_size);
    const contract = parseDecimal(config.contract_size);
    const min = parseDecimal(config.min_trade_amount);
    if (!tick.ok || !contract.ok || !min.ok)
      throw new Error(`invalid instrument ${config.instrument_name}`);
    const minLots = Number(divideExact(min.value, contract.value) ?? 1n);
    const canonical: InstrumentConfig = {
      ...config,
      tick_size: formatDecimal(tick.value.units, tick.value.scale),
      contract_size: formatDecimal(contract.value.units, contract.value.scale),
      min_trade_amount: formatDecimal(min.value.units, min.value.scale),
    };
    let num = tick.value.units * contract.value.units * pow10(8);
    let den = pow10(tick.value.scale + contract.value.scale);
    for (const f of [2n, 5n]) {
      while (num % f === 0n && den % f === 0n) {
        num /= f;
        den /= f;
      }
    }
    const pnlUnit = { num: norm(num), den: norm(den) };
    return {
      pnlUnit,
      config: canonical,
      name: config.instrument_name,
      index,
      tick: tick.value,
      contract: contract.value,
      minLots,
    };
  });
}

/**
 * Validates a JSON array of instruments (text or parsed) and reports every problem found.
 * @example loadInstruments(readFileSync("instruments.json", "utf8"))
 */
export function loadInstruments(content: unknown): LoadInstrumentsResult {
  let data = content;
  if (typeof content === "string") {
    try {
      data = JSON.parse(content);
    } catch (e) {
      return {
        ok: false,
        errors: [`could not parse the instruments file as JSON: ${(e as Error).message}`],
      };
    }
  }
  if (!Array.isArray(data))
    return { ok: false, errors: [`expected a JSON array of instruments, but got ${typeof data}`] };
  if (data.length === 0)
    return { ok: false, errors: ["expected at least one instrument, but got an empty array"] };
  const errors: string[] = [];
  const configs: InstrumentConfig[] = [];
  const seen = new Set<string>();
  data.forEach((raw, i) => {
    const c = checkOne(raw, `[${i}]`, errors);
    if (c === undefined) return;
    if (seen.has(c.instrument_name))
      errors.push(`[${i}].instrument_name: duplicate ${c.instrument_name}`);
    seen.add(c.instrument_name);
    configs.push(c);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, instruments: resolveInstruments(configs) };
}
