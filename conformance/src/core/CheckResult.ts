import type { Transport } from "../driver/Transport.js";
import type { CheckOutcome } from "./CheckOutcome.js";

/** A check outcome as the runner reports it: with its scenario, method, transport and baseline state. */
export interface CheckResult extends CheckOutcome {
  description: string;
  /** The spec method the check is about, or `*` for the protocol (envelope, parse errors). */
  method: string;
  scenario: string;
  transport: Transport;
  /** Set when a failed check is listed in the baseline of expected failures. */
  expectedFailure?: boolean;
}
