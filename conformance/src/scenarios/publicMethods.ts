import { expectError, expectResult } from "../checks/expectations.js";
import { publicMethodChecks as c } from "../checks/publicMethodChecks.js";
import { collectOutcomes } from "../core/collectOutcomes.js";
import type { Scenario } from "../core/Scenario.js";
import { resultOf } from "../driver/Exchange.js";

type Instrument = { instrument_name?: unknown; base_currency?: unknown; kind?: unknown };
type Book = { instrument_name?: unknown; bids?: unknown[]; asks?: unknown[] };

/** The public methods answer valid results (no accounts needed). */
export const publicMethods: Scenario = {
  name: "public-methods",
  description:
    "public/test, get_time, get_currencies, get_instruments and get_order_book answer valid results",
  checks: Object.values(c),
  run: (ctx) =>
    collectOutcomes(Object.values(c), async (out) => {
      const d = await ctx.driver();
      const { spec } = ctx;
      out.push(
        expectResult<{ version?: unknown }>(
          c.test,
          spec,
          "public/test",
          await d.call("public/test", {}),
        ),
      );
      out.push(
        expectError(
          c.testException,
          await d.call("public/test", { expected_result: "exception" }),
          {
            code: -32603,
          },
        ),
      );
      const before = Date.now();
      const time = await d.call("public/get_time", {});
      out.push(
        expectResult<number>(c.getTime, spec, "public/get_time", time, (ms) =>
          Math.abs(ms - before) <= 60_000
            ? undefined
            : `server time ${ms} is ${Math.round((ms - before) / 1000)} s from the wall clock${ms > 1e14 ? " (looks like microseconds)" : ""}`,
        ),
      );
      const instruments = await d.call("public/get_instruments", {});
      const list = resultOf<Instrument[]>(instruments);
      const mine = Array.isArray(list)
        ? list.find((i) => i?.instrument_name === ctx.instrument)
        : undefined;
      out.push(
        expectResult(c.getInstruments, spec, "public/get_instruments", instruments, () =>
          mine === undefined ? `${ctx.instrument} is not listed` : undefined,
        ),
      );
      const base = typeof mine?.base_currency === "string" ? mine.base_currency : "BTC";
      const filtered = await d.call("public/get_instruments", { currency: base, kind: "future" });
      out.push(
        expectResult<Instrument[]>(
          c.getInstrumentsFilter,
          spec,
          "public/get_instruments",
          filtered,
          (r) => {
            const wrong = r.find((i) => i.base_currency !== base || i.kind !== "future");
            if (wrong !== undefined)
              return `currency ${base}, kind future lists ${JSON.stringify(wrong.instrument_name)} (${String(wrong.base_currency)}, ${String(wrong.kind)})`;
            if (mine?.kind === "future" && !r.some((i) => i.instrument_name === ctx.instrument)) {
              return `currency ${base}, kind future does not list ${ctx.instrument}`;
            }
            return undefined;
          },
        ),
      );
      out.push(
        expectResult<{ currency?: unknown }[]>(
          c.getCurrencies,
          spec,
          "public/get_currencies",
          await d.call("public/get_currencies", {}),
          (r) => (r.some((x) => x.currency === base) ? undefined : `${base} is not listed`),
        ),
      );
      out.push(
        expectResult<Book>(
          c.getOrderBook,
          spec,
          "public/get_order_book",
          await d.call("public/get_order_book", { instrument_name: ctx.instrument }),
          (b) =>
            b.instrument_name === ctx.instrument
              ? undefined
              : `instrument_name is ${JSON.stringify(b.instrument_name)}, expected ${ctx.instrument}`,
        ),
      );
      // Names are matched exactly: another case of a listed name is a name the server does not list.
      const unknownNames = ["NOPE-PERPETUAL", ctx.instrument.toLowerCase()].filter(
        (n) => n !== ctx.instrument,
      );
      let unknownOutcome = c.getOrderBookUnknown.pass();
      for (const name of unknownNames) {
        unknownOutcome = expectError(
          c.getOrderBookUnknown,
          await d.call("public/get_order_book", { instrument_name: name }),
          { code: 10020 },
        );
        if (unknownOutcome.status === "failed") break;
      }
      out.push(unknownOutcome);
      out.push(expectResult(c.leadingSlash, spec, "public/test", await d.call("/public/test", {})));
      if (ctx.transport !== "http") {
        out.push(c.httpGetForm.skip("the per-method GET form is HTTP only"));
      } else {
        const query = `instrument_name=${encodeURIComponent(ctx.instrument)}&depth=1`;
        const get = await ctx
          .http()
          .request({ httpMethod: "GET", path: `/api/v2/public/get_order_book?${query}` });
        out.push(
          expectResult<Book>(c.httpGetForm, spec, "public/get_order_book", get, (b) =>
            b.instrument_name !== ctx.instrument
              ? `instrument_name is ${JSON.stringify(b.instrument_name)}`
              : (b.bids?.length ?? 0) > 1 || (b.asks?.length ?? 0) > 1
                ? "depth=1 was not applied"
                : undefined,
          ),
        );
        // A boolean from the query: "false" is coerced to false, not read as a string.
        const listing = await ctx
          .http()
          .request({ httpMethod: "GET", path: "/api/v2/public/get_instruments?expired=false" });
        const last = out.at(-1)!;
        if (last.status !== "failed")
          out[out.length - 1] = expectResult(
            c.httpGetForm,
            spec,
            "public/get_instruments",
            listing,
          );
      }
    }),
};
