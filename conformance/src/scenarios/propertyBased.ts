import fc from "fast-check";
import { errorProblem } from "../checks/expectations.js";
import { propertyChecks as c } from "../checks/propertyChecks.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import { mapConcurrent } from "../core/mapConcurrent.js";
import type { RunContext } from "../core/RunContext.js";
import type { Scenario } from "../core/Scenario.js";
import { describeOutcome, hasResult, resultOf, wireError } from "../driver/Exchange.js";
import {
  acceptsDecimals,
  arbitraryFromSchema,
  invalidArbitrary,
} from "../property/arbitraryFromSchema.js";
import { runProperty } from "../property/runProperty.js";
import { flatten, openDesk } from "../trading/Desk.js";

/** Codes that valid params never deserve: a parse, request, params or internal fault. */
const PROTOCOL_FAULTS = new Set([-32700, -32600, -32601, -32602, -32603]);

type Param = { name: string; required?: boolean; schema: unknown };

const params = (ctx: RunContext, method: string): Param[] =>
  ((ctx.spec.method(method)?.params ?? []) as Param[]).filter((p) => p.name !== "access_token");

/** Valid params for the required ones (and a price and amount for orders): the base a mutation breaks. */
async function baseParams(ctx: RunContext, method: string): Promise<Record<string, unknown>> {
  // The order methods need a valid amount and price around the broken param; a server that
  // does not list the instrument gets BTC-PERPETUAL-like defaults rather than no property at all.
  const market = await ctx.market().catch(() => ({ lot: "10", basePrice: "50000" }));
  const known: Record<string, unknown> = {
    instrument_name: ctx.instrument,
    type: "limit",
    order_id: "1",
    currency: ctx.instrument.split("-")[0],
    grant_type: "client_credentials",
    channels: [`book.${ctx.instrument}.raw`],
    client_id: ctx.accounts.maker.id,
    client_secret: ctx.accounts.maker.secret,
  };
  const base: Record<string, unknown> = {};
  for (const p of params(ctx, method)) if (p.required) base[p.name] = known[p.name];
  if (method === "private/buy" || method === "private/sell")
    Object.assign(base, { amount: market.lot, price: market.basePrice, type: "limit" });
  return base;
}

/** Valid params of a public method; instrument names lean on the instrument under test. */
function validArbitrary(ctx: RunContext, method: string): fc.Arbitrary<Record<string, unknown>> {
  const list = params(ctx, method);
  const arbs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of list) {
    const arb = arbitraryFromSchema(ctx.spec, p.schema);
    arbs[p.name] =
      p.name === "channels"
        ? publicChannels(ctx, arb)
        : p.name === "instrument_name"
          ? fc.oneof(
              { arbitrary: fc.constant(ctx.instrument), weight: 3 },
              { arbitrary: arb, weight: 1 },
            )
          : arb;
  }
  return fc.record(arbs, { requiredKeys: list.filter((p) => p.required).map((p) => p.name) });
}

/**
 * Channel lists of the spec's public channels on the instrument under test: a name made from
 * the schema alone (any string) names no channel, which the spec refuses with -32602.
 */
function publicChannels(ctx: RunContext, fallback: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const names = ctx.spec.channels
    .filter((c) => !c.private)
    .map((c) => c.name.replace(/\{[^}]+\}/g, ctx.instrument));
  return names.length === 0
    ? fallback
    : fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: names.length });
}

/** Whether a channel list names a channel at an interval other than raw. */
const otherInterval = (channels: unknown): boolean =>
  Array.isArray(channels) && channels.some((ch) => typeof ch === "string" && !ch.endsWith(".raw"));

type Mutation = { param: string; value?: unknown; missing?: true };

function mutationArbitrary(ctx: RunContext, method: string): fc.Arbitrary<Mutation> | undefined {
  const list = params(ctx, method);
  const options = [
    ...list.map((p) => ({
      arbitrary: invalidArbitrary(ctx.spec, p.schema).map(
        (value): Mutation => ({ param: p.name, value }),
      ),
      weight: acceptsDecimals(ctx.spec, p.schema) ? 4 : 1,
    })),
    ...list
      .filter((p) => p.required)
      .map((p) => ({
        arbitrary: fc.constant<Mutation>({ param: p.name, missing: true }),
        weight: 1,
      })),
  ];
  return options.length === 0 ? undefined : fc.oneof(...options);
}

/**
 * Property-based runs from the spec's schemas, seeded with `--seed`: valid params of the public
 * methods must get valid answers; invalid params of every method must get -32602 naming the
 * param. Failures shrink to a minimal failing request.
 */
/** Methods whose properties run at once (HTTP round trips overlap; a server sees 4 in flight). */
const PROPERTY_CONCURRENCY = 4;

export const propertyBased: Scenario = {
  name: "property-based",
  description:
    "Generated valid params of public methods get valid answers; generated invalid params of every method get -32602 {param}",
  checks: Object.values(c),
  needsAccounts: true,
  async run(ctx) {
    const out: CheckOutcome[] = [];
    const d = await ctx.driver();
    const publicMethods = ctx.spec.methodNames.filter(
      (m) => m.startsWith("public/") && m !== "public/auth",
    );
    // Methods run PROPERTY_CONCURRENCY at a time (each one's requests in sequence, its outcomes
    // in method order): over HTTP a request's round trip, not the server, is most of the time.
    const validOutcomes = await mapConcurrent(
      publicMethods,
      PROPERTY_CONCURRENCY,
      async (method) => {
        const declared = new Set(
          [...ctx.spec.declaredErrors(method), ...ctx.spec.protocolErrors].map((e) => e.code),
        );
        return runProperty({
          check: c.validParams,
          method,
          arbitrary: validArbitrary(ctx, method),
          seed: ctx.seed,
          numRuns: ctx.propertyRuns,
          expected: `a valid ${method} result, or an error ${method} declares other than -32600..-32700`,
          describe: (p) => JSON.stringify(p),
          async test(p) {
            const exchange = await d.call(method, p);
            const code = wireError(exchange)?.code;
            if (hasResult(exchange)) {
              const invalid = ctx.spec.validateResult(method, resultOf(exchange));
              return invalid === undefined
                ? { exchange }
                : { exchange, problem: `the result does not match the schema: ${invalid}` };
            }
            // Every channel is served at raw; another interval (book and trades at 100ms) may be
            // refused with -32602 on channels: the spec lets a server serve raw only.
            if (
              otherInterval(p["channels"]) &&
              errorProblem(exchange, { code: -32602, param: "channels" }) === undefined
            )
              return { exchange };
            const exception = method === "public/test" && p["expected_result"] === "exception";
            if (
              exception
                ? code === -32603
                : typeof code === "number" && declared.has(code) && !PROTOCOL_FAULTS.has(code)
            ) {
              return { exchange };
            }
            return { exchange, problem: `valid params answered ${describeOutcome(exchange)}` };
          },
        });
      },
    );
    out.push(...validOutcomes);
    const taker = await ctx.session("taker");
    // Methods the server sends (the `subscription` notification) are not called.
    const called = ctx.spec.methodNames.filter(
      (m) =>
        (ctx.spec.method(m) as { "x-sent-by"?: string } | undefined)?.["x-sent-by"] !== "server",
    );
    const invalidOutcomes = await mapConcurrent(called, PROPERTY_CONCURRENCY, async (method) => {
      const arbitrary = mutationArbitrary(ctx, method);
      if (arbitrary === undefined) return undefined;
      const base = await baseParams(ctx, method);
      const isPrivate = ctx.spec.method(method)?.["x-auth"]?.private === true;
      const build = (m: Mutation) => {
        const p = { ...base };
        if (m.missing) delete p[m.param];
        else p[m.param] = m.value;
        return p;
      };
      return runProperty({
        check: c.invalidParams,
        method,
        arbitrary,
        seed: ctx.seed,
        numRuns: ctx.propertyRuns,
        expected: "error -32602 with data.param naming the broken param",
        describe: (m) => JSON.stringify(build(m)),
        async test(m) {
          const p = build(m);
          const exchange = isPrivate ? await taker.call(method, p) : await d.call(method, p);
          const problem = errorProblem(exchange, { code: -32602, param: m.param });
          return problem === undefined
            ? { exchange }
            : {
                exchange,
                problem: `${m.missing ? `without ${m.param}` : `${m.param} = ${JSON.stringify(m.value)}`}: ${problem}`,
              };
        },
      });
    });
    for (const outcome of invalidOutcomes) if (outcome !== undefined) out.push(outcome);
    // A server that accepted a broken order placed it: leave nothing behind.
    await openDesk(ctx)
      .then(flatten)
      .catch(() => {});
    return out;
  },
};
