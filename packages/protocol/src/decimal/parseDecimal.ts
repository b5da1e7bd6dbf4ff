import type { Decimal, DecimalResult } from "./Decimal.js";
import { normalize } from "./normalize.js";
import { pow10 } from "./pow10.js";
import { trimZeros } from "./trimZeros.js";

/**
 * The longest decimal string {@link parseDecimal} reads, as the spec's `DecimalInput` declares
 * (`maxLength`): a price or an amount needs a few dozen characters at most, and a longer string
 * (a bomb of trailing zeros) is refused before any arithmetic.
 */
export const MAX_DECIMAL_LENGTH = 64;

const DECIMAL_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const NUMBER_TEXT = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-]?[0-9]+))?$/;

function fromParts(sign: string, int: string, frac: string, exp: number): Decimal {
  const fracEnd = trimZeros(frac, 0, frac.length);
  const digits = BigInt(int + frac.slice(0, fracEnd)) * (sign === "-" ? -1n : 1n);
  const scale = fracEnd - exp;
  if (scale >= 0) return normalize({ units: digits, scale });
  return { units: digits * pow10(-scale), scale: 0 };
}

/**
 * Parses a decimal string (`"50000"`, `"0.5"`, `"-10"`) or a finite JS number into an exact value,
 * in time linear in the string's length; a string longer than `maxLength` (default
 * {@link MAX_DECIMAL_LENGTH}) is refused before it is read.
 * @example parseDecimal("0.05") // { ok: true, value: { units: 5n, scale: 2 } }
 */
export function parseDecimal(input: unknown, maxLength = MAX_DECIMAL_LENGTH): DecimalResult {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      return { ok: false, reason: `expected a finite number, but got ${String(input)}` };
    }
    const m = NUMBER_TEXT.exec(String(input));
    if (m === null) return { ok: false, reason: `could not read the number ${String(input)}` };
    return { ok: true, value: fromParts(m[1]!, m[2]!, m[3] ?? "", Number(m[4] ?? "0")) };
  }
  if (typeof input !== "string") {
    return { ok: false, reason: `expected a decimal string or a number, but got ${typeof input}` };
  }
  if (input.length > maxLength) {
    return {
      ok: false,
      reason: `expected a decimal string of at most ${maxLength} characters, but got ${input.length}`,
    };
  }
  if (!DECIMAL_STRING.test(input)) {
    return {
      ok: false,
      reason: `could not parse ${JSON.stringify(input)} as a decimal. Expected digits with an optional point, like "0.5"`,
    };
  }
  const start = input.charCodeAt(0) === 45 ? 1 : 0;
  const dot = input.indexOf(".", start);
  if (dot < 0) return { ok: true, value: { units: BigInt(input), scale: 0 } };
  const end = trimZeros(input, dot + 1, input.length);
  const digits = input.slice(start, dot) + input.slice(dot + 1, end);
  // Leading zeros skipped by a scan: BigInt's own reading of them is superlinear.
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 48) first++;
  const units = BigInt(digits.slice(first));
  return { ok: true, value: { units: start === 1 ? -units : units, scale: end - dot - 1 } };
}
