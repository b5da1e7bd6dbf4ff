import type { Exchange } from "../driver/Exchange.js";
import { describeOutcome } from "../driver/Exchange.js";

/**
 * A step a scenario needs (log in, place the setup orders) did not work, so its checks cannot
 * be reached. The runner reports every unreached check of the scenario as failed with this
 * message and exchange.
 */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(exchange === undefined ? message : `${message}: ${describeOutcome(exchange)}`);
  }
}
