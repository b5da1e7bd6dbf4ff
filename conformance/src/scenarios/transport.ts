import { errorProblem, resultProblem } from "../checks/expectations.js";
import { overTraffic } from "../checks/overTraffic.js";
import { transportChecks as c } from "../checks/transportChecks.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import { collectOutcomes } from "../core/collectOutcomes.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import type { RunContext } from "../core/RunContext.js";
import type { Scenario } from "../core/Scenario.js";
import { describeOutcome, type Exchange, resultOf } from "../driver/Exchange.js";
import { place, withDesk } from "../trading/Desk.js";

/** Orders rested for the large answer. */
const LARGE_ANSWER_ORDERS = 20;

/** Requests in flight at once while resting and cancelling them: quick, yet far below rate limits. */
const BATCH = 5;

/** `fn(0..count-1)`, {@link BATCH} at a time, results in order. */
async function inBatches<T>(count: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    out.push(...(await Promise.all(Array.from({ length: size }, (_, k) => fn(start + k)))));
  }
  return out;
}

type Step = { exchange: Exchange; problem: string | undefined; expected: string };

function verdict(check: CheckDefinition, list: Step[]): CheckOutcome {
  const bad = list.find((s) => s.problem !== undefined);
  return bad === undefined
    ? check.pass(`${list.length} requests answered as specified`)
    : check.fail(bad.problem!, { exchange: bad.exchange, expected: bad.expected });
}

/** Which request of the connection an exchange was: `request id 5 (public/get_time)`. */
const named = (e: Exchange) =>
  `request id ${JSON.stringify(e.requestId)}${e.method === undefined ? "" : ` (${e.method})`}`;

/** The frame checks over every WebSocket exchange of the run so far. */
function judgeFrames(ctx: RunContext): CheckOutcome[] {
  const traffic = ctx.recorder.forTransport("ws");
  return [
    overTraffic(
      c.wsTextFrames,
      traffic.filter((e) => e.responseText !== undefined),
      (e) =>
        e.binaryFrame
          ? {
              problem: `the answer to ${named(e)} came in a binary frame`,
              expected: "a text frame",
            }
          : undefined,
    ),
    overTraffic(c.wsAnswerOnce, traffic, (e) => {
      const later = e.laterAnswers?.[0];
      if (later === undefined) return undefined;
      const after = Math.round((later.atUs - e.sentAtUs) / 1000);
      return {
        problem: later.late
          ? `${named(e)} was answered ${after} ms after it was sent, after the suite had stopped waiting (${e.error ?? "timeout"}): ${later.text.slice(0, 160)}`
          : `${named(e)} was answered ${e.laterAnswers!.length + 1} times; the extra answer came ${after} ms after the request: ${later.text.slice(0, 160)}`,
        expected: "exactly one answer per request, in time",
      };
    }),
  ];
}

/** GET and POST /api/v2/{method} for a private read, with each kind of credentials and params. */
async function perMethodForms(ctx: RunContext): Promise<CheckOutcome[]> {
  const http = ctx.http();
  const maker = await ctx.session("maker");
  const { id, secret } = ctx.accounts.maker;
  const query = `instrument_name=${encodeURIComponent(ctx.instrument)}`;
  const path = "/api/v2/private/get_position";
  const bearer = { authorization: `Bearer ${maker.accessToken}` };
  const basic = { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` };
  const get = (headers: Record<string, string>) =>
    http.request({ httpMethod: "GET", path: `${path}?${query}`, headers });
  const post = (target: string, body: string | undefined) =>
    http.request({
      httpMethod: "POST",
      path: target,
      headers: bearer,
      ...(body === undefined ? {} : { body }),
    });
  const ok = (exchange: Exchange): Step => ({
    exchange,
    problem: resultProblem(ctx.spec, "private/get_position", exchange),
    expected: "a valid private/get_position result",
  });
  const err = (exchange: Exchange, code: number, expected = `error ${code}`): Step => ({
    exchange,
    problem: errorProblem(exchange, { code }),
    expected,
  });
  const params = JSON.stringify({ instrument_name: ctx.instrument });
  const envelope = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "private/get_position",
    params: { instrument_name: ctx.instrument },
  });
  return [
    verdict(c.httpGetPrivate, [
      ok(await get(bearer)),
      ok(await get(basic)),
      err(await get({}), 10000, "error 10000: no credentials came"),
    ]),
    verdict(c.httpPostMethodBody, [
      ok(await post(path, params)),
      ok(await post(`${path}?${query}`, undefined)),
      err(
        await post(path, envelope),
        -32600,
        "error -32600: a JSON-RPC request belongs at POST /api/v2, the body here is the params",
      ),
      err(
        await post(`${path}?${query}`, params),
        -32600,
        "error -32600: params in both the query string and the body",
      ),
    ]),
  ];
}

/**
 * The maker rests {@link LARGE_ANSWER_ORDERS} orders with the longest labels the spec allows (a
 * few at a time, to keep it quick) and lists them: the answer, about 9 KB from the reference, must
 * arrive whole.
 */
async function largeAnswer(ctx: RunContext): Promise<CheckOutcome> {
  let outcome: CheckOutcome | undefined;
  await withDesk(ctx, async (desk) => {
    const placed = await inBatches(LARGE_ANSWER_ORDERS, (i) =>
      place(desk, desk.maker, "buy", desk.lots(1), desk.price(-40 - i), {
        label: `conformance-large-answer-${i}-`.padEnd(64, "x"),
      }),
    );
    const ids = new Set(placed.map((p) => p.order.order_id));
    const exchange = await desk.maker.call("private/get_open_orders_by_instrument", {
      instrument_name: desk.market.instrument,
    });
    const bytes =
      exchange.responseText === undefined ? 0 : Buffer.byteLength(exchange.responseText);
    const list = resultOf<{ order_id?: unknown }[]>(exchange);
    const listed = new Set(Array.isArray(list) ? list.map((o) => o?.order_id) : []);
    const missing = [...ids].filter((id) => !listed.has(id));
    const problem =
      exchange.error !== undefined
        ? `the answer did not arrive whole: ${exchange.error}`
        : exchange.response === undefined
          ? `the answer is not JSON (${bytes} bytes, ending ${JSON.stringify(exchange.responseText?.slice(-40))}): cut short?`
          : !Array.isArray(list)
            ? `expected the list of open orders, got ${describeOutcome(exchange)}`
            : missing.length > 0
              ? `${missing.length} of the ${ids.size} resting orders are missing from the ${bytes}-byte answer`
              : undefined;
    outcome = c.httpLargeAnswer.verdict(
      problem,
      { exchange, expected: `complete JSON listing all ${ids.size} resting orders` },
      `${ids.size} orders in one ${bytes}-byte answer`,
    );
    const orderIds = [...ids];
    await inBatches(orderIds.length, (i) =>
      desk.maker.call("private/cancel", { order_id: orderIds[i] }),
    );
  });
  return outcome!;
}

/**
 * The transports themselves: WebSocket answers in text frames, each request answered once (a
 * late or duplicate answer is reported against the request it answers), a large HTTP answer
 * arriving whole, and the per-method HTTP form with credentials and with a body.
 */
export const transport: Scenario = {
  name: "transport",
  description:
    "WebSocket text frames and one answer per request; a large HTTP answer arrives whole; GET /api/v2/private/... honours Authorization; POST /api/v2/{method} takes a params body",
  checks: Object.values(c),
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(Object.values(c), async (out) => {
      if (ctx.transport === "ws") {
        // A request of its own between two others, so that a late answer has a next one to pollute.
        const d = await ctx.openDriver();
        await d.call("public/test", {});
        await d.call("public/get_time", {});
        await d.call("public/test", {});
        out.push(...judgeFrames(ctx));
        for (const check of [c.httpLargeAnswer, c.httpGetPrivate, c.httpPostMethodBody])
          out.push(check.skip("HTTP only"));
        return;
      }
      out.push(c.wsTextFrames.skip("WebSocket only"), c.wsAnswerOnce.skip("WebSocket only"));
      out.push(...(await perMethodForms(ctx)));
      out.push(await largeAnswer(ctx));
    }),
};
