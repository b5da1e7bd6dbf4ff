import type { Exchange } from "../driver/Exchange.js";
import { ScenarioError } from "./ScenarioError.js";

/**
 * Another account's orders sat where a trading scenario trades (its price band), so its
 * verdicts cannot be trusted on a shared server: the scenario's failed checks, and those it did
 * not reach, are reported `skipped` with this reason instead (passes stand).
 */
export class ForeignActivity extends ScenarioError {
  constructor(
    readonly reason: string,
    exchange?: Exchange,
  ) {
    super(reason, exchange);
  }
}
