import type { Engine } from "../Engine.js";
import { ResultCode } from "../ResultCode.js";
import { type EdgeResult, edgeError, invalidParams } from "./EdgeResult.js";
import type { Params } from "./parseParams.js";
import { toWireAccountSummary, type WireAccountSummary } from "./toWireAccountSummary.js";

/** The result of private/get_account_summaries. */
export interface WireAccountSummaries {
  id: number;
  username: string;
  type: "main";
  summaries: WireAccountSummary[];
}

/**
 * private/get_account_summary: one currency (schema-checked: a `CurrencyCode`). A currency the
 * spec lists but no instrument here uses is -32602, a rule of this server the schema cannot say.
 */
export function getAccountSummary(
  engine: Engine,
  account: number,
  params: Params,
): EdgeResult<WireAccountSummary> {
  const a = engine.accounts.get(account);
  if (a === undefined) return edgeError(ResultCode.UNAUTHORIZED);
  const currency = params["currency"] as string;
  if (!engine.currencies().includes(currency)) {
    return invalidParams(
      "currency",
      `expected one of ${engine.currencies().join(", ")}, but got ${JSON.stringify(currency)}`,
    );
  }
  return { ok: true, result: toWireAccountSummary(engine, a, currency) };
}

/** private/get_account_summaries: every currency's summary. */
export function getAccountSummaries(
  engine: Engine,
  account: number,
): EdgeResult<WireAccountSummaries> {
  const a = engine.accounts.get(account);
  if (a === undefined) return edgeError(ResultCode.UNAUTHORIZED);
  return {
    ok: true,
    result: {
      id: a.id,
      username: a.config.username,
      type: "main",
      summaries: engine.currencies().map((c) => toWireAccountSummary(engine, a, c)),
    },
  };
}
