import { expectError } from "../../checks/expectations.js";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { specRef } from "../../core/SpecReference.js";

/** The websocket-only error. */
const MUST_BE_WEBSOCKET = 10030;

/**
 * The methods the spec marks WebSocket-only (they declare error 10030), each with the params
 * of its first success example (the run's instrument in channel names).
 */
export function websocketOnlyMethods(
  ctx: RunContext,
): { name: string; params: Record<string, unknown>; private: boolean }[] {
  return ctx.spec.document.methods
    .filter((m) => ctx.spec.declaredErrors(m.name).some((e) => e.code === MUST_BE_WEBSOCKET))
    .map((m) => {
      const example = (m.examples ?? []).find((e) => "result" in (e as object)) as
        | { params?: { name: string; value: unknown }[] }
        | undefined;
      const params: Record<string, unknown> = {};
      for (const p of example?.params ?? [])
        if (p.name !== "access_token") params[p.name] = p.value;
      return {
        name: m.name,
        params,
        private: (m["x-auth"] as { private?: boolean } | undefined)?.private === true,
      };
    });
}

/** Over HTTP every WebSocket-only method answers 10030 (private ones with the taker's token). */
export async function overHttp(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  const methods = websocketOnlyMethods(ctx);
  const anon = await ctx.driver();
  const taker = methods.some((m) => m.private) ? await ctx.session("taker") : undefined;
  for (const m of methods) {
    const exchange = m.private
      ? await taker!.call(m.name, m.params)
      : await anon.call(m.name, m.params);
    const outcome = expectError(c.overHttp, exchange, { code: MUST_BE_WEBSOCKET });
    outcome.subject = m.name;
    outcome.method = m.name;
    outcome.specReferences = [specRef(m.name, "/errors")];
    out.push(outcome);
  }
  if (methods.length === 0)
    out.push(c.overHttp.fail("the spec marks no method WebSocket-only (none declares 10030)"));
}
