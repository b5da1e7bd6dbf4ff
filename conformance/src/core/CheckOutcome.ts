import type { Exchange } from "../driver/Exchange.js";
import type { SpecReference } from "./SpecReference.js";

/** `passed`, `failed`, or `skipped` (the check does not apply, e.g. an HTTP header over WebSocket). */
export type CheckStatus = "passed" | "failed" | "skipped";

/** What a check factory returns: the verdict on one rule, with the evidence on failure. */
export interface CheckOutcome {
  id: string;
  /** Overrides the check's method, for checks run once per method (result schemas). */
  method?: string;
  /** What the outcome is about when a check runs on many things (a fixture file). */
  subject?: string;
  status: CheckStatus;
  specReferences: SpecReference[];
  details: string;
  /** What the spec expected, on failure. */
  expected?: string;
  /** The exchange that shows the failure (request and response). */
  exchange?: Exchange;
}
