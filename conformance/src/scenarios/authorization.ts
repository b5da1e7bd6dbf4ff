import { authorizationChecks } from "../checks/authorizationChecks.js";
import { errorProblem, resultProblem } from "../checks/expectations.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import { collectOutcomes } from "../core/collectOutcomes.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import type { RunContext } from "../core/RunContext.js";
import type { Scenario } from "../core/Scenario.js";
import { specRef } from "../core/SpecReference.js";
import { describeOutcome, type Exchange, resultOf, wireError } from "../driver/Exchange.js";

const checks = [authorizationChecks.everyPrivateMethod, authorizationChecks.scopeEveryMethod];

/** A private method of the spec with the params the probes send. */
interface PrivateMethod {
  name: string;
  scope: string | undefined;
  params: Record<string, unknown>;
}

/**
 * Every method the spec marks `x-auth.private`, with the params of its first success example
 * (the run's instrument in place of the example's; no `access_token`). Credentials are checked
 * before params, so the params only make the probe a realistic call; on a conformant server none
 * of them runs. (If a broken server lets a `trade:read` token place the example orders, they rest
 * for the maker, and the trading scenarios, which start by flattening, cancel them.)
 */
export function privateMethods(ctx: RunContext): PrivateMethod[] {
  return ctx.spec.document.methods
    .filter((m) => (m["x-auth"] as { private?: boolean } | undefined)?.private === true)
    .map((m) => {
      const example = (m.examples ?? []).find((e) => "result" in (e as object)) as
        | { params?: { name: string; value: unknown }[] }
        | undefined;
      const params: Record<string, unknown> = {};
      for (const p of example?.params ?? []) {
        if (p.name === "access_token") continue;
        params[p.name] = p.name === "instrument_name" ? ctx.instrument : p.value;
      }
      const scope = (m["x-auth"] as { scope?: string }).scope;
      return { name: m.name, scope, params };
    });
}

/** One outcome for one method. */
function forMethod(
  check: CheckDefinition,
  method: string,
  exchange: Exchange,
  problem: string | undefined,
  expected: string,
): CheckOutcome {
  const outcome = check.verdict(problem, { exchange, expected }, `${method}: ${expected}`);
  outcome.method = method;
  outcome.subject = method;
  outcome.specReferences = [...check.specReferences, specRef(method, "/x-auth")];
  return outcome;
}

/** Credentials errors: the answers a served call must not get. */
const refusals = new Set([10000, 13009, 13403]);

/**
 * Every private method without credentials (10000) and with a `trade:read` token (13403 for the
 * `trade:read_write` ones, served for the `trade:read` ones): the list comes from the spec, so a
 * new method is covered without a change here.
 */
export const authorization: Scenario = {
  name: "authorization",
  description:
    "Every private method of the spec: 10000 without credentials; with a trade:read token, 13403 for order-changing methods and served for reads",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, async (out) => {
      const methods = privateMethods(ctx);
      const anon = await ctx.openDriver();
      for (const m of methods) {
        const exchange = await anon.call(m.name, m.params);
        const problem = errorProblem(exchange, { code: 10000 });
        out.push(
          forMethod(checks[0]!, m.name, exchange, problem, "error 10000: no credentials came"),
        );
      }

      const { id, secret } = ctx.accounts.maker;
      const login = await (await ctx.openDriver()).call("public/auth", {
        grant_type: "client_credentials",
        client_id: id,
        client_secret: secret,
        scope: "trade:read",
      });
      const loginProblem = resultProblem(ctx.spec, "public/auth", login);
      if (loginProblem !== undefined) {
        out.push(
          checks[1]!.fail(`could not get a trade:read token: ${loginProblem}`, {
            exchange: login,
            expected: "a valid public/auth result for scope trade:read",
          }),
        );
        return;
      }
      const token = resultOf<{ access_token: string }>(login).access_token;
      // HTTP: the Bearer header; WebSocket: the access_token param on a connection never authenticated.
      const call = (m: PrivateMethod) =>
        ctx.transport === "http"
          ? anon.call(m.name, m.params, { headers: { authorization: `Bearer ${token}` } })
          : anon.call(m.name, { ...m.params, access_token: token });
      for (const m of methods) {
        const exchange = await call(m);
        if (m.scope === undefined || m.scope === "trade:read") {
          const code = wireError(exchange)?.code;
          const refused =
            exchange.error !== undefined || (typeof code === "number" && refusals.has(code));
          out.push(
            forMethod(
              checks[1]!,
              m.name,
              exchange,
              refused ? `a trade:read token was refused: ${describeOutcome(exchange)}` : undefined,
              "served for a trade:read token (any answer but 10000, 13009 or 13403)",
            ),
          );
        } else {
          const problem = errorProblem(exchange, { code: 13403 });
          out.push(
            forMethod(
              checks[1]!,
              m.name,
              exchange,
              problem,
              `error 13403: ${m.name} needs ${m.scope}, the token has trade:read`,
            ),
          );
        }
      }
    }),
};
