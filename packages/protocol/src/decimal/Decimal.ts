/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** The outcome of parsing a decimal: the exact value, or why it is not one. */
export type DecimalResult = { ok: true; value: Decimal } | { ok: false; reason: string };
