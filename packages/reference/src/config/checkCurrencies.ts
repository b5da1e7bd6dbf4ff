import { type InstrumentConfig, specEnums } from "@unwind/engine";

/** The spec's `CurrencyCode` (generated from the spec): the currencies a conformant answer may name. */
export const SPEC_CURRENCIES: readonly string[] = specEnums.CurrencyCode;

/**
 * Problems with instruments whose base or settlement currency the spec's `CurrencyCode` does not
 * list: the server would answer with values the spec does not allow.
 */
export function checkCurrencies(instruments: readonly InstrumentConfig[]): string[] {
  const problems: string[] = [];
  instruments.forEach((i, k) => {
    for (const field of ["base_currency", "settlement_currency"] as const) {
      if (!SPEC_CURRENCIES.includes(i[field])) {
        problems.push(
          `[${k}].${field}: expected one of the spec's currencies ${SPEC_CURRENCIES.join(", ")}, but got ${JSON.stringify(i[field])}`,
        );
      }
    }
  });
  return problems;
}
