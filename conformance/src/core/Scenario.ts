import type { Transport } from "../driver/Transport.js";
import type { CheckOutcome } from "./CheckOutcome.js";
import type { CheckDefinition } from "./defineCheck.js";
import type { RunContext } from "./RunContext.js";

/**
 * A scenario: a short story against the server (log in, open a position, close it) that ends
 * in check outcomes. `checks` lists every check it may report, for `--list`, `--only` and
 * the baseline.
 */
export interface Scenario {
  name: string;
  description: string;
  checks: readonly CheckDefinition[];
  /** Transports it applies to (default: every one). */
  transports?: readonly Transport[];
  /** Whether it needs the two trading accounts. */
  needsAccounts?: boolean;
  run(ctx: RunContext): Promise<CheckOutcome[]>;
}
